using System.Text;
using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>required</c>: every listed name is a property of the instance.</summary>
internal sealed class RequiredKeyword : Keyword
{
    private readonly (string Name, byte[] Utf8)[] _names;

    public RequiredKeyword(IEnumerable<string> names)
        : base("required") => _names = [.. names.Select(n => (n, Encoding.UTF8.GetBytes(n)))];

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var (name, utf8) in _names)
        {
            if (instance.TryGetProperty(utf8, out _))
            {
                continue;
            }

            valid = false;
            if (context.ShortCircuit)
            {
                break;
            }

            context.AddError(Name, $"{PyRepr.String(name)} is a required property");
        }

        return valid;
    }
}
