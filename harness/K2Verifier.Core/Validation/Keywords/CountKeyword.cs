using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// The size bounds <c>minLength</c>/<c>maxLength</c> (code points, as Python's <c>len(str)</c>),
/// <c>minItems</c>/<c>maxItems</c> and <c>minProperties</c>/<c>maxProperties</c>, worded as python-jsonschema words them.
/// </summary>
internal sealed class CountKeyword : Keyword
{
    private readonly PyNumber _limit;
    private readonly JsonValueKind _kind;
    private readonly bool _isMinimum;

    public CountKeyword(string name, JsonElement limit)
        : base(name)
    {
        _limit = PyNumber.Read(limit);
        _isMinimum = name.StartsWith("min", StringComparison.Ordinal);
        _kind = name.EndsWith("Length", StringComparison.Ordinal) ? JsonValueKind.String
            : name.EndsWith("Items", StringComparison.Ordinal) ? JsonValueKind.Array
            : JsonValueKind.Object;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != _kind)
        {
            return true;
        }

        long count = _kind switch
        {
            JsonValueKind.String => StringLength.CodePoints(instance),
            JsonValueKind.Array => instance.GetArrayLength(),
            _ => instance.GetPropertyCount(),
        };
        var cmp = PyNumber.Compare(PyNumber.FromLong(count), _limit);
        var valid = _isMinimum ? cmp >= 0 : cmp <= 0;
        if (!valid && context.ReportErrors)
        {
            context.AddError(Name, $"{EvaluationContext.Repr(instance)} {Message()}");
        }

        return valid;
    }

    private string Message()
    {
        var isOne = PyNumber.NumericEquals(_limit, PyNumber.FromLong(1));
        var isZero = PyNumber.NumericEquals(_limit, PyNumber.FromLong(0));
        if (_isMinimum)
        {
            return isOne ? "should be non-empty" : _kind == JsonValueKind.Object ? "does not have enough properties" : "is too short";
        }

        return isZero ? "is expected to be empty" : _kind == JsonValueKind.Object ? "has too many properties" : "is too long";
    }
}
