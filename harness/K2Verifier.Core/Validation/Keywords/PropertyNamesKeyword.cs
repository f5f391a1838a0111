using System.Text.Json;
using K2Verifier.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>propertyNames</c>: every property name, as a string instance, validates against the subschema.</summary>
internal sealed class PropertyNamesKeyword : Keyword
{
    private readonly SchemaNode _schema;

    public PropertyNamesKeyword(SchemaNode schema)
        : base("propertyNames") => _schema = schema;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object || _schema.BooleanValue == true)
        {
            return true;
        }

        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            var name = JsonText.StringElement(property.Name);
            if (!Descend(_schema, name, context, null))
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
}
