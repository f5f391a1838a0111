using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>properties</c>: each declared property present in the instance validates against its subschema.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    // With many declared properties (the metaschemas declare up to 20 per vocabulary) and a smaller instance, the
    // instance's members are looked up among the declared ones instead of each declared one searched in the instance.
    private const int ManyDeclared = 8;
    private const int MaxInstanceMembers = 64;

    private readonly NamedSchema[] _properties;
    private readonly MemberNameLookup<int>? _indexByName;

    public PropertiesKeyword(NamedSchema[] properties)
        : base("properties")
    {
        _properties = properties;
        if (properties.Length >= ManyDeclared)
        {
            var byName = new Dictionary<string, int>(properties.Length, StringComparer.Ordinal);
            for (var i = 0; i < properties.Length; i++)
            {
                byName.TryAdd(properties[i].Name, i);
            }

            // Declared names given twice are each evaluated: only the plain loop does that.
            _indexByName = byName.Count == properties.Length ? new MemberNameLookup<int>(byName) : null;
        }
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return true;
        }

        var members = instance.GetPropertyCount();
        if (_indexByName is { } lookup && members < _properties.Length && members <= MaxInstanceMembers)
        {
            Span<int> present = stackalloc int[members];
            var count = 0;
            foreach (var member in instance.EnumerateObject())
            {
                if (lookup.TryGetValue(member, out var index))
                {
                    present[count++] = index;
                }
            }

            present = present[..count];
            present.Sort();
            return EvaluatePresent(instance, present, context, annotations);
        }

        var valid = true;
        foreach (var property in _properties)
        {
            if (!instance.TryGetProperty(property.Utf8, out var value))
            {
                continue;
            }

            if (!Evaluate(property, value, context, annotations))
            {
                valid = false;
                if (context.ShortCircuit)
                {
                    break;
                }
            }
        }

        return valid;
    }

    /// <summary>The plain loop over the declared properties in <paramref name="present"/> (sorted), in declared order.</summary>
    private bool EvaluatePresent(JsonElement instance, ReadOnlySpan<int> present, EvaluationContext context, Annotations? annotations)
    {
        var valid = true;
        var previous = -1;
        foreach (var index in present)
        {
            if (index == previous)
            {
                continue; // a member the instance names twice: the last one is evaluated, once
            }

            previous = index;
            var property = _properties[index];
            instance.TryGetProperty(property.Utf8, out var value);
            if (!Evaluate(property, value, context, annotations))
            {
                valid = false;
                if (context.ShortCircuit)
                {
                    break;
                }
            }
        }

        return valid;
    }

    private bool Evaluate(NamedSchema property, JsonElement value, EvaluationContext context, Annotations? annotations)
    {
        annotations?.AddProperty(property.Name);
        return DescendInto(property.Node, value, property.Name, context, property.Name);
    }
}
