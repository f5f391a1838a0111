using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>type</c> with python-jsonschema's checks: booleans are not numbers, 1.0 and 1e20 are integers.</summary>
internal sealed class TypeKeyword : Keyword
{
    private const int NullBit = 1, BooleanBit = 2, ObjectBit = 4, ArrayBit = 8, NumberBit = 16, IntegerBit = 32, StringBit = 64;
    private readonly int _mask;
    private readonly string _expected;
    private readonly string? _unknown;

    /// <summary>
    /// Creates the keyword for <paramref name="types"/>; <paramref name="unknown"/> is the first name python-jsonschema
    /// cannot check (it raises UnknownType when no earlier name matched): the names before it form the mask.
    /// </summary>
    public TypeKeyword(IReadOnlyList<string> types, string? unknown = null)
        : base("type")
    {
        foreach (var type in types)
        {
            var bit = Bit(type);
            if (bit == 0)
            {
                unknown ??= type;
                break;
            }

            _mask |= bit;
        }

        _unknown = unknown;
        _expected = string.Join(", ", types.Select(PyRepr.String));
    }

    private static int Bit(string type) => type switch
    {
        "null" => NullBit,
        "boolean" => BooleanBit,
        "object" => ObjectBit,
        "array" => ArrayBit,
        "number" => NumberBit,
        "integer" => IntegerBit,
        "string" => StringBit,
        _ => 0,
    };

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var valid = instance.ValueKind switch
        {
            JsonValueKind.Null => (_mask & NullBit) != 0,
            JsonValueKind.True or JsonValueKind.False => (_mask & BooleanBit) != 0,
            JsonValueKind.Object => (_mask & ObjectBit) != 0,
            JsonValueKind.Array => (_mask & ArrayBit) != 0,
            JsonValueKind.String => (_mask & StringBit) != 0,
            JsonValueKind.Number => (_mask & NumberBit) != 0 || ((_mask & IntegerBit) != 0 && PyNumber.IsIntegerElement(instance)),
            _ => false,
        };
        if (!valid && _unknown is not null)
        {
            context.Fault(string.Empty, Name, $"Unknown type {PyRepr.String(_unknown)}");
            return false;
        }

        if (!valid && context.ReportErrors)
        {
            context.AddError(Name, $"{EvaluationContext.Repr(instance)} is not of type {_expected}");
        }

        return valid;
    }
}
