using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// <c>unevaluatedProperties</c> / <c>unevaluatedItems</c>: properties or items no adjacent keyword or successful
/// subschema evaluated validate against the subschema. Always evaluated after the other keywords of its schema.
/// </summary>
internal sealed class UnevaluatedKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly bool _properties;

    public UnevaluatedKeyword(string name, SchemaNode schema)
        : base(name)
    {
        _schema = schema;
        _properties = name == "unevaluatedProperties";
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var evaluated = annotations!;
        if (_properties ? instance.ValueKind != JsonValueKind.Object : instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var failures = new List<string>();
        var valid = _properties ? EvaluateProperties(instance, context, evaluated, failures) : EvaluateItems(instance, context, evaluated, failures);
        if (!valid && failures.Count > 0 && context.ReportErrors)
        {
            var verb = failures.Count == 1 ? "was" : "were";
            var joined = string.Join(", ", failures);
            context.AddError(Name, _schema.BooleanValue == false
                ? $"Unevaluated {(_properties ? "properties" : "items")} are not allowed ({joined} {verb} unexpected)"
                : $"Unevaluated {(_properties ? "properties" : "items")} are not valid under the given schema ({joined} {verb} unevaluated and invalid)");
        }

        return valid;
    }

    private bool EvaluateProperties(JsonElement instance, EvaluationContext context, Annotations evaluated, List<string> failures)
    {
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            if (evaluated.IsPropertyEvaluated(property.Name))
            {
                continue;
            }

            if (!Probe(_schema, property.Value, context, null))
            {
                valid = false;
                failures.Add(PyRepr.String(property.Name));
                if (context.ShortCircuit)
                {
                    return false;
                }
            }
        }

        evaluated.MarkAllProperties();
        return valid;
    }

    private bool EvaluateItems(JsonElement instance, EvaluationContext context, Annotations evaluated, List<string> failures)
    {
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (!evaluated.IsItemEvaluated(index) && !Probe(_schema, item, context, null))
            {
                valid = false;
                failures.Add(PyRepr.Of(item));
                if (context.ShortCircuit)
                {
                    return false;
                }
            }

            index++;
        }

        evaluated.MarkAllItems();
        return valid;
    }
}
