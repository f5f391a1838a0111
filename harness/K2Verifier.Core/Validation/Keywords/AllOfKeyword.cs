using System.Globalization;
using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>allOf</c>: every subschema applies; errors come from the failing subschemas.</summary>
internal sealed class AllOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;

    public AllOfKeyword(SchemaNode[] schemas)
        : base("allOf") => _schemas = schemas;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var valid = true;
        for (var i = 0; i < _schemas.Length; i++)
        {
            if (!Descend(_schemas[i], instance, context, annotations, i.ToString(CultureInfo.InvariantCulture)))
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
