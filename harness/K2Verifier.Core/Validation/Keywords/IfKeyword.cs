using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>if</c> / <c>then</c> / <c>else</c>: the condition is probed; its annotations count when it passes.</summary>
internal sealed class IfKeyword : Keyword
{
    private readonly SchemaNode _condition;
    private readonly SchemaNode? _then;
    private readonly SchemaNode? _else;

    public IfKeyword(SchemaNode condition, SchemaNode? then, SchemaNode? otherwise)
        : base("if")
    {
        _condition = condition;
        _then = then;
        _else = otherwise;
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var conditionAnnotations = annotations is null ? null : new Annotations();
        if (Probe(_condition, instance, context, conditionAnnotations))
        {
            if (conditionAnnotations is not null)
            {
                annotations!.MergeFrom(conditionAnnotations);
            }

            return _then is null || DescendBranch(_then, "then", instance, context, annotations);
        }

        return _else is null || DescendBranch(_else, "else", instance, context, annotations);
    }

    private static bool DescendBranch(SchemaNode branch, string keyword, JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        context.PushKeyword(keyword);
        var valid = branch.Evaluate(instance, context, annotations);
        context.PopKeyword();
        return valid;
    }
}
