using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// The item applicators: <c>prefixItems</c> and draft-07 array-form <c>items</c> (positional schemas), and
/// 2020-12 <c>items</c> / draft-07 <c>additionalItems</c> / draft-07 schema-form <c>items</c> (one schema for every
/// item from <c>start</c> on).
/// </summary>
internal sealed class ItemsKeyword : Keyword
{
    private readonly SchemaNode[]? _positional;
    private readonly SchemaNode? _rest;
    private readonly int _start;

    private ItemsKeyword(string name, SchemaNode[]? positional, SchemaNode? rest, int start)
        : base(name)
    {
        _positional = positional;
        _rest = rest;
        _start = start;
    }

    public static ItemsKeyword Positional(string name, SchemaNode[] schemas) => new(name, schemas, null, 0);

    public static ItemsKeyword Rest(string name, SchemaNode schema, int start) => new(name, null, schema, start);

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        return _positional is not null ? EvaluatePositional(instance, context, annotations) : EvaluateRest(instance, context, annotations);
    }

    private bool EvaluatePositional(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var valid = true;
        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            if (index >= _positional!.Length)
            {
                break;
            }

            var child = context.CollectErrors ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            var ok = DescendInto(_positional[index], item, index, context, child);
            index++;
            if (!ok)
            {
                valid = false;
                if (context.ShortCircuit)
                {
                    return false;
                }
            }
        }

        annotations?.AddPrefix(index);
        return valid;
    }

    private bool EvaluateRest(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var length = instance.GetArrayLength();
        if (length <= _start)
        {
            return true;
        }

        annotations?.MarkAllItems();
        if (_rest!.BooleanValue == false)
        {
            if (context.ReportErrors)
            {
                context.AddError(Name, ExtraItemsMessage(instance, length));
            }

            return false;
        }

        var valid = true;
        for (var index = _start; index < length; index++)
        {
            if (!DescendInto(_rest, instance[index], index, context))
            {
                valid = false;
                if (context.ShortCircuit)
                {
                    return false;
                }
            }
        }

        return valid;
    }

    private string ExtraItemsMessage(JsonElement instance, int length)
    {
        var extra = instance.EnumerateArray().Skip(_start).Select(PyRepr.Of).ToList();
        if (Name == "items")
        {
            var rest = extra.Count == 1 ? extra[0] : "[" + string.Join(", ", extra) + "]";
            return $"Expected at most {_start} {(_start == 1 ? "item" : "items")} but found {length - _start} extra: {rest}";
        }

        return $"Additional items are not allowed ({string.Join(", ", extra)} {(extra.Count == 1 ? "was" : "were")} unexpected)";
    }
}
