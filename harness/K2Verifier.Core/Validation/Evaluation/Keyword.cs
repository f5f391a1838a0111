using System.Text.Json;

namespace K2Verifier.Validation.Evaluation;

/// <summary>One compiled keyword of a schema object.</summary>
internal abstract class Keyword
{
    protected Keyword(string name) => Name = name;

    /// <summary>The keyword as written in the schema (the last segment of its keyword path).</summary>
    public string Name { get; }

    /// <summary>
    /// True when <paramref name="instance"/> satisfies the keyword. Records evaluated properties/items into
    /// <paramref name="annotations"/> when it is not null, and errors into the context when it collects them.
    /// </summary>
    public abstract bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations);

    /// <summary>Evaluates <paramref name="node"/> under this keyword's path (plus an optional child segment).</summary>
    protected bool Descend(SchemaNode node, JsonElement instance, EvaluationContext context, Annotations? annotations, string? child = null)
    {
        if (child is null)
        {
            context.PushKeyword(Name);
        }
        else
        {
            context.PushKeyword(Name, child);
        }

        var valid = node.Evaluate(instance, context, annotations);
        context.PopKeyword(child is null ? 1 : 2);
        return valid;
    }

    /// <summary>Evaluates <paramref name="node"/> on a member or item of the instance (pushing its instance path segment).</summary>
    protected bool DescendInto(SchemaNode node, JsonElement value, string instanceSegment, EvaluationContext context, string? child = null)
    {
        context.PushInstance(instanceSegment);
        var valid = Descend(node, value, context, null, child);
        context.PopInstance();
        return valid;
    }

    /// <summary>Evaluates <paramref name="node"/> on the item at <paramref name="index"/>.</summary>
    protected bool DescendInto(SchemaNode node, JsonElement value, int index, EvaluationContext context, string? child = null)
    {
        context.PushInstance(index);
        var valid = Descend(node, value, context, null, child);
        context.PopInstance();
        return valid;
    }

    /// <summary>Evaluates <paramref name="node"/> without recording errors (anyOf branches, not, if, contains).</summary>
    protected static bool Probe(SchemaNode node, JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        context.Suppressed++;
        var valid = node.Evaluate(instance, context, annotations);
        context.Suppressed--;
        return valid;
    }
}
