using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>enum</c> and <c>const</c> with python-jsonschema's equality (1 == 1.0, true != 1, deep, order-insensitive objects).</summary>
internal sealed class EnumKeyword : Keyword
{
    private readonly JsonElement[] _values;
    private readonly JsonElement _schemaValue;

    public EnumKeyword(string name, JsonElement schemaValue)
        : base(name)
    {
        _schemaValue = schemaValue;
        _values = name == "const" ? [schemaValue] : [.. schemaValue.EnumerateArray()];
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        foreach (var value in _values)
        {
            if (JsonEquality.Equal(instance, value))
            {
                return true;
            }
        }

        if (context.ReportErrors)
        {
            context.AddError(Name, Name == "const"
                ? $"{PyRepr.Of(_schemaValue)} was expected"
                : $"{PyRepr.Of(instance)} is not one of {PyRepr.Of(_schemaValue)}");
        }

        return false;
    }
}
