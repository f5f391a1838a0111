using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>minimum</c>, <c>maximum</c>, <c>exclusiveMinimum</c>, <c>exclusiveMaximum</c>, <c>multipleOf</c> (numbers only, exact int/float comparison).</summary>
internal sealed class NumericKeyword : Keyword
{
    private readonly PyNumber _limit;
    private readonly string _limitText;
    private readonly int _operation;

    public NumericKeyword(string name, JsonElement limit)
        : base(name)
    {
        _limit = PyNumber.Read(limit);
        _limitText = PyRepr.Number(_limit);
        _operation = Array.IndexOf(Operations, name);
    }

    private static readonly string[] Operations = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"];

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Number)
        {
            return true;
        }

        var value = PyNumber.Read(instance);

        // Python compares nan false with everything, so python-jsonschema's bounds checks (`instance < minimum` …) pass it.
        var valid = (value.IsFloat && double.IsNaN(value.Double) && _operation < 4) || _operation switch
        {
            0 => PyNumber.Compare(value, _limit) >= 0,
            1 => PyNumber.Compare(value, _limit) <= 0,
            2 => PyNumber.Compare(value, _limit) > 0,
            3 => PyNumber.Compare(value, _limit) < 0,
            _ => PyMultipleOf.IsMultiple(value, _limit),
        };
        if (!valid && context.ReportErrors)
        {
            var repr = PyRepr.Number(value);
            context.AddError(Name, _operation switch
            {
                0 => $"{repr} is less than the minimum of {_limitText}",
                1 => $"{repr} is greater than the maximum of {_limitText}",
                2 => $"{repr} is less than or equal to the minimum of {_limitText}",
                3 => $"{repr} is greater than or equal to the maximum of {_limitText}",
                _ => $"{repr} is not a multiple of {_limitText}",
            });
        }

        return valid;
    }
}
