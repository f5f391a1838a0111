using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>contains</c> with <c>minContains</c> (default 1) and <c>maxContains</c> (2020-12 only).</summary>
internal sealed class ContainsKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly PyNumber _min;
    private readonly PyNumber? _max;

    public ContainsKeyword(SchemaNode schema, PyNumber min, PyNumber? max)
        : base("contains")
    {
        _schema = schema;
        _min = min;
        _max = max;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var matches = 0;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (Probe(_schema, item, context, null))
            {
                matches++;
                annotations?.AddItem(index);
                if (_max is { } max && PyNumber.Compare(PyNumber.FromLong(matches), max) > 0)
                {
                    context.AddError("maxContains", $"Too many items match the given schema (expected at most {PyRepr.Number(max)})");
                    return false;
                }
            }

            index++;
        }

        if (PyNumber.Compare(PyNumber.FromLong(matches), _min) >= 0)
        {
            return true;
        }

        if (context.ReportErrors)
        {
            context.AddError(matches == 0 ? Name : "minContains", matches == 0
                ? $"{PyRepr.Of(instance)} does not contain items matching the given schema"
                : $"Too few items match the given schema (expected at least {PyRepr.Number(_min)} but only {matches} matched)");
        }

        return false;
    }
}
