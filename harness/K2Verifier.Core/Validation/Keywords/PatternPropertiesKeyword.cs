using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>patternProperties</c>: every property whose name the pattern finds (re.search) validates against its subschema.</summary>
internal sealed class PatternPropertiesKeyword : Keyword
{
    private readonly PatternSchema[] _patterns;

    public PatternPropertiesKeyword(PatternSchema[] patterns)
        : base("patternProperties") => _patterns = patterns;

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var valid = true;
        foreach (var pattern in _patterns)
        {
            foreach (var property in instance.EnumerateObject())
            {
                var name = property.Name;
                if (!pattern.Regex.Search(name, out _))
                {
                    continue;
                }

                annotations?.AddProperty(name);
                if (!DescendInto(pattern.Node, property.Value, name, context, pattern.Pattern))
                {
                    valid = false;
                    if (context.ShortCircuit)
                    {
                        return false;
                    }
                }
            }
        }

        return valid;
    }
}
