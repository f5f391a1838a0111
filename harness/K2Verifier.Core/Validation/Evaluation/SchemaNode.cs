using System.Text.Json;

namespace K2Verifier.Validation.Evaluation;

/// <summary>A compiled (sub)schema: a boolean schema, or the keywords of a schema object in evaluation order.</summary>
internal sealed class SchemaNode
{
    private Keyword[] _keywords = [];
    private bool _hasUnevaluated;

    public SchemaNode(bool? booleanValue, string baseUri)
    {
        BooleanValue = booleanValue;
        BaseUri = baseUri;
    }

    public bool? BooleanValue { get; }

    /// <summary>The base URI in effect for this schema ("" for a root without <c>$id</c>).</summary>
    public string BaseUri { get; }

    /// <summary>Sets the keywords once compiled (nodes exist before their keywords so $ref cycles can point at them).</summary>
    public void SetKeywords(Keyword[] keywords, bool hasUnevaluated)
    {
        _keywords = keywords;
        _hasUnevaluated = hasUnevaluated;
    }

    public bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (BooleanValue is bool value)
        {
            if (!value && context.ReportErrors)
            {
                context.AddError(null, $"False schema does not allow {EvaluationContext.Repr(instance)}");
            }

            return value;
        }

        if (!context.Enter())
        {
            return false;
        }

        var local = _hasUnevaluated ? new Annotations() : annotations;
        var valid = true;
        foreach (var keyword in _keywords)
        {
            if (!keyword.Evaluate(instance, context, local))
            {
                valid = false;
                if (context.ShortCircuit || context.SchemaFault is not null)
                {
                    break;
                }
            }
        }

        if (valid && _hasUnevaluated && annotations is not null)
        {
            annotations.MergeFrom(local!);
        }

        context.Leave();
        return valid;
    }
}
