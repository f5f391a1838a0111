using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>properties</c>: each declared property present in the instance validates against its subschema.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    private readonly NamedSchema[] _properties;

    public PropertiesKeyword(NamedSchema[] properties)
        : base("properties") => _properties = properties;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var property in _properties)
        {
            if (!instance.TryGetProperty(property.Utf8, out var value))
            {
                continue;
            }

            annotations?.AddProperty(property.Name);
            if (!DescendInto(property.Node, value, property.Name, context, property.Name))
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
