using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>properties</c>: each declared property present in the instance validates against its subschema.</summary>
internal sealed class PropertiesKeyword : Keyword
{
    // With many declared properties (the metaschemas declare up to 20 per vocabulary) and a smaller instance, the
    // instance's members are looked up among the declared ones instead of each declared one searched in the instance.
    private const int ManyDeclared = 8;
    private const int MaxInstanceMembers = 64;
    private const int MaxNameLength = 64;

    private readonly NamedSchema[] _properties;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>? _indexByName;

    public PropertiesKeyword(NamedSchema[] properties)
        : base("properties")
    {
        _properties = properties;
        if (properties.Length >= ManyDeclared && properties.All(p => p.Name.Length <= MaxNameLength))
        {
            var byName = new Dictionary<string, int>(properties.Length, StringComparer.Ordinal);
            for (var i = 0; i < properties.Length; i++)
            {
                byName.TryAdd(properties[i].Name, i);
            }

            // Declared names given twice are each evaluated: only the plain loop does that.
            _indexByName = byName.Count == properties.Length ? byName.GetAlternateLookup<ReadOnlySpan<char>>() : null;
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
            Span<int> present = stackalloc int[MaxInstanceMembers];
            var count = 0;
            if (FindDeclared(instance, lookup, present, ref count))
            {
                present = present[..count];
                present.Sort();
                return EvaluatePresent(instance, present, context, annotations);
            }
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

    /// <summary>
    /// The indexes of the declared properties the instance has, unordered (duplicates possible); false when a member
    /// name is escaped or too long to look up this way.
    /// </summary>
    private static bool FindDeclared(JsonElement instance, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup, Span<int> present, ref int count)
    {
        Span<char> name = stackalloc char[MaxNameLength];
        foreach (var member in instance.EnumerateObject())
        {
            ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8PropertyName(member);
            if (raw.Length > MaxNameLength * 3 || raw.IndexOf((byte)'\\') >= 0)
            {
                return false;
            }

            if (raw.Length > MaxNameLength && Encoding.UTF8.GetCharCount(raw) > MaxNameLength)
            {
                continue; // longer than every declared name
            }

            if (lookup.TryGetValue(name[..Encoding.UTF8.GetChars(raw, name)], out var index))
            {
                present[count++] = index;
            }
        }

        return true;
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
