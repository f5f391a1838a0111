using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Patterns;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// <c>format</c>: an annotation for instances (python-jsonschema's <c>validate</c> passes no format checker); only
/// <c>"regex"</c> is asserted, and only while checking a schema against its metaschema (as check_schema does).
/// </summary>
internal sealed class FormatKeyword : Keyword
{
    private readonly TimeSpan _regexTimeout;

    public FormatKeyword(TimeSpan regexTimeout)
        : base("format") => _regexTimeout = regexTimeout;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (!context.AssertRegexFormat || instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        var compiled = PythonRegex.Compile(instance.GetString()!, _regexTimeout);
        if (compiled.Error is null)
        {
            return true;
        }

        context.AddError(Name, $"{EvaluationContext.Repr(instance)} is not a 'regex' ({compiled.Error})");
        return false;
    }
}
