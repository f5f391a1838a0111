using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary>
/// <c>anyOf</c> and <c>oneOf</c>. Branches are probed without their own errors; the failure is one error at the
/// keyword, as python-jsonschema's top-level message. When annotations are collected every branch is evaluated.
/// </summary>
internal sealed class AnyOfKeyword : Keyword
{
    private readonly SchemaNode[] _schemas;
    private readonly JsonElement _schemaValue;
    private readonly bool _exactlyOne;

    public AnyOfKeyword(string name, SchemaNode[] schemas, JsonElement schemaValue)
        : base(name)
    {
        _schemas = schemas;
        _schemaValue = schemaValue;
        _exactlyOne = name == "oneOf";
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        var matches = 0;
        int? first = null, second = null;
        for (var i = 0; i < _schemas.Length; i++)
        {
            var branch = annotations is null ? null : new Annotations();
            if (!Probe(_schemas[i], instance, context, branch))
            {
                continue;
            }

            matches++;
            if (first is null)
            {
                first = i;
            }
            else
            {
                second ??= i;
            }

            if (branch is not null)
            {
                annotations!.MergeFrom(branch);
            }
            else if (!_exactlyOne || matches > 1)
            {
                break;
            }
        }

        if (matches == 0)
        {
            if (context.ReportErrors)
            {
                context.AddError(Name, $"{PyRepr.Of(instance)} is not valid under any of the given schemas");
            }

            return false;
        }

        if (_exactlyOne && matches > 1)
        {
            if (context.ReportErrors)
            {
                var items = _schemaValue.EnumerateArray().ToList();
                context.AddError(Name, $"{PyRepr.Of(instance)} is valid under each of {PyRepr.Of(items[second!.Value])}, {PyRepr.Of(items[first!.Value])}");
            }

            return false;
        }

        return true;
    }
}
