using System.Text.Json;
using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Keywords;

/// <summary><c>uniqueItems: true</c>: no two items are equal under python-jsonschema's equality.</summary>
internal sealed class UniqueItemsKeyword : Keyword
{
    public UniqueItemsKeyword()
        : base("uniqueItems")
    {
    }

    public override bool Evaluate(JsonElement instance, EvaluationContext context, Annotations? annotations)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        var length = instance.GetArrayLength();
        for (var i = 0; i < length; i++)
        {
            for (var j = i + 1; j < length; j++)
            {
                if (JsonEquality.Equal(instance[i], instance[j]))
                {
                    if (context.ReportErrors)
                    {
                        context.AddError(Name, $"{PyRepr.Of(instance)} has non-unique elements");
                    }

                    return false;
                }
            }
        }

        return true;
    }
}
