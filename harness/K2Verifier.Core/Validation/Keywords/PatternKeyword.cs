using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;
using K2Verifier.Validation.Patterns;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>pattern</c>: Python <c>re.search</c> (matches anywhere unless anchored).</summary>
internal sealed class PatternKeyword : Keyword
{
    private readonly PythonRegex.Compiled _regex;
    private readonly string _pattern;

    public PatternKeyword(string pattern, PythonRegex.Compiled regex)
        : base("pattern")
    {
        _pattern = pattern;
        _regex = regex;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.String)
        {
            return true;
        }

        if (_regex.Error is not null)
        {
            context.Fault(string.Empty, Name, $"{PyRepr.String(_pattern)} is not a valid Python regular expression: {_regex.Error}");
            return false;
        }

        var text = instance.GetString()!;
        if (_regex.Search(text, out var timedOut))
        {
            return true;
        }

        if (timedOut)
        {
            context.Fault(string.Empty, Name, $"pattern {PyRepr.String(_pattern)} timed out on {PyRepr.String(text)}");
        }
        else if (context.ReportErrors)
        {
            context.AddError(Name, $"{PyRepr.String(text)} does not match {PyRepr.String(_pattern)}");
        }

        return false;
    }
}
