using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// <c>additionalProperties</c>: properties matched neither by <c>properties</c> nor by a <c>patternProperties</c>
/// pattern validate against it; with <c>false</c>, python-jsonschema's "Additional properties are not allowed" message.
/// </summary>
internal sealed class AdditionalPropertiesKeyword : Keyword
{
    private readonly SchemaNode _schema;
    private readonly NamedSchema[] _properties;
    private readonly HashSet<string> _names;
    private readonly PatternSchema[] _patterns;

    public AdditionalPropertiesKeyword(SchemaNode schema, NamedSchema[] properties, PatternSchema[] patterns)
        : base("additionalProperties")
    {
        _schema = schema;
        _properties = properties;
        _patterns = patterns;
        _names = new HashSet<string>(properties.Select(p => p.Name), StringComparer.Ordinal);
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        annotations?.MarkAllProperties();
        if (_schema.BooleanValue == true || (_patterns.Length == 0 && !context.CollectErrors && AllDeclared(instance)))
        {
            return true;
        }

        List<string>? extras = null;
        var valid = true;
        foreach (var property in instance.EnumerateObject())
        {
            var name = property.Name;
            if (_names.Contains(name) || MatchesPattern(name))
            {
                continue;
            }

            if (_schema.BooleanValue == false)
            {
                (extras ??= []).Add(name);
                valid = false;
                if (context.ShortCircuit)
                {
                    return false;
                }

                continue;
            }

            if (!DescendInto(_schema, property.Value, name, context))
            {
                valid = false;
                if (context.ShortCircuit)
                {
                    return false;
                }
            }
        }

        if (extras is not null && context.ReportErrors)
        {
            context.AddError(Name, ExtrasMessage(extras));
        }

        return valid;
    }

    /// <summary>Allocation-free check that every instance property is a declared one (duplicate names aside).</summary>
    private bool AllDeclared(JsonElement instance)
    {
        var count = instance.GetPropertyCount();
        if (count > _properties.Length)
        {
            return false;
        }

        var present = 0;
        foreach (var property in _properties)
        {
            if (instance.TryGetProperty(property.Utf8, out _))
            {
                present++;
            }
        }

        return present == count;
    }

    private bool MatchesPattern(string name)
    {
        foreach (var pattern in _patterns)
        {
            if (pattern.Regex.Search(name, out _))
            {
                return true;
            }
        }

        return false;
    }

    private string ExtrasMessage(List<string> extras)
    {
        extras.Sort(StringComparer.Ordinal);
        var joined = string.Join(", ", extras.Select(PyRepr.String));
        if (_patterns.Length > 0)
        {
            var patterns = string.Join(", ", _patterns.Select(p => p.Pattern).Order(StringComparer.Ordinal).Select(PyRepr.String));
            return $"{joined} {(extras.Count == 1 ? "does" : "do")} not match any of the regexes: {patterns}";
        }

        return $"Additional properties are not allowed ({joined} {(extras.Count == 1 ? "was" : "were")} unexpected)";
    }
}
