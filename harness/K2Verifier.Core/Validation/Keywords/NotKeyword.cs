using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>not</c>: the subschema must fail; its annotations are dropped.</summary>
internal sealed class NotKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly JsonElement _schemaValue;

    public NotKeyword(SchemaNode schema, JsonElement schemaValue)
        : base("not")
    {
        _schema = schema;
        _schemaValue = schemaValue;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (!Probe(_schema, instance, context, null))
        {
            return true;
        }

        if (context.ReportErrors)
        {
            context.AddError(Name, $"{PyRepr.Of(instance)} should not be valid under {PyRepr.Of(_schemaValue)}");
        }

        return false;
    }
}
