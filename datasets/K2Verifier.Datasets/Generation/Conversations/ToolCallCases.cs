using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.Datasets.Generation.Text;

namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>Builders of the categories where the model should call tools.</summary>
internal static class ToolCallCases
{
    public static CaseDraft SingleCall(ConversationBuilder b)
    {
        var (tool, example) = ToolOffer.PickExample(b.Rng);
        b.System().User(b.Ask(example));
        return new CaseDraft(ToolOffer.Around(b.Rng, tool), AutoOrAbsent(b.Rng), [tool.Name]);
    }

    public static CaseDraft ParallelCalls(ConversationBuilder b)
    {
        var first = ToolOffer.PickExample(b.Rng);
        var second = b.Rng.Chance(0.4) && first.Tool.Examples.Count > 1
            ? (first.Tool, first.Tool.Examples.First(e => !ReferenceEquals(e, first.Example)))
            : ToolOffer.PickExample(b.Rng, t => t.Name != first.Tool.Name && t.Domain != "search");
        b.System().User(string.Format(CultureInfo.InvariantCulture, b.UserPool.ParallelJoin, b.Ask(first.Example), b.Ask(second.Item2)));
        return new CaseDraft(ToolOffer.Around(b.Rng, first.Tool, second.Item1), AutoOrAbsent(b.Rng), [first.Tool.Name, second.Item1.Name]);
    }

    public static CaseDraft MultiTurnFollowUp(ConversationBuilder b)
    {
        var earlier = ToolOffer.PickExample(b.Rng);
        var next = ToolOffer.PickExample(b.Rng, t => t.Name != earlier.Tool.Name);
        b.System().User(b.Ask(earlier.Example)).CallsAndResults(earlier).Assistant(b.Rng.Pick(b.UserPool.AfterResult)).User(b.Ask(next.Example));
        return new CaseDraft(ToolOffer.Around(b.Rng, earlier.Tool, next.Tool), AutoOrAbsent(b.Rng), [next.Tool.Name]);
    }

    public static CaseDraft ForcedChoice(ConversationBuilder b)
    {
        var (tool, example) = ToolOffer.PickExample(b.Rng);
        b.System().User(b.Ask(example));
        JsonNode choice = b.Rng.Chance(0.5)
            ? JsonValue.Create("required")
            : new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = tool.Name } };
        return new CaseDraft(ToolOffer.Around(b.Rng, tool), choice, [tool.Name]);
    }

    public static CaseDraft LongContextCall(ConversationBuilder b)
    {
        var (tool, example) = ToolOffer.PickExample(b.Rng, t => t.Domain is "devops" or "email" or "messaging" or "files" or "calendar");
        var document = LongDocuments.Create(b.Rng, ReferenceEquals(b.UserPool, ChineseText.Pool) ? Language.Chinese : Language.English, b.Rng.Next(8500, 11000));
        b.System().User(document + "\n\n" + b.Ask(example));
        return new CaseDraft(ToolOffer.Around(b.Rng, tool), AutoOrAbsent(b.Rng), [tool.Name], MaxTokens: 8192);
    }

    /// <summary>No <c>tool_choice</c> (60 %) or an explicit <c>"auto"</c> (40 %).</summary>
    public static JsonNode? AutoOrAbsent(SeededRandom rng) => rng.Chance(0.4) ? JsonValue.Create("auto") : null;
}
