using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// <c>dependentRequired</c>, <c>dependentSchemas</c> and draft-07 <c>dependencies</c> (each entry either a list of
/// names or a schema): applies when the instance has the trigger property.
/// </summary>
internal sealed class DependentRequiredKeyword : Keyword
{
    private readonly (string Property, string[]? Names, SchemaNode? Schema)[] _entries;

    public DependentRequiredKeyword(string name, (string Property, string[]? Names, SchemaNode? Schema)[] entries)
        : base(name) => _entries = entries;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (property, names, schema) in _entries)
        {
            if (!instance.TryGetProperty(property, out _))
            {
                continue;
            }

            var ok = schema is null ? CheckNames(instance, property, names!, context) : Descend(schema, instance, context, annotations, property);
            if (!ok)
            {
                valid = false;
                if (context.ShortCircuit)
                {
                    break;
                }
            }
        }

        return valid;
    }

    private bool CheckNames(JsonElement instance, string property, string[] names, EvaluationContext context)
    {
        var valid = true;
        foreach (var name in names)
        {
            if (instance.TryGetProperty(name, out _))
            {
                continue;
            }

            valid = false;
            if (context.ShortCircuit)
            {
                break;
            }

            context.PushKeyword(Name, property);
            context.AddError(null, $"{PyRepr.String(name)} is a dependency of {PyRepr.String(property)}");
            context.PopKeyword(2);
        }

        return valid;
    }
}
