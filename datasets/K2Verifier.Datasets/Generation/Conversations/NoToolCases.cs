using K2Verifier.Datasets.Generation.Catalog;
using K2Verifier.Datasets.Generation.Text;

namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>Builders of the categories where the model should answer without calling a tool.</summary>
internal static class NoToolCases
{
    private static readonly HashSet<string> NoDomain = new(StringComparer.Ordinal);

    public static CaseDraft SmallTalk(ConversationBuilder b)
    {
        var history = b.System().MaybeHistory(0.35);
        b.User(b.Rng.Pick(b.UserPool.SmallTalk));
        return new CaseDraft(Offer(b, history), ToolCallCases.AutoOrAbsent(b.Rng), []);
    }

    public static CaseDraft NoToolNeeded(ConversationBuilder b)
    {
        var history = b.System().MaybeHistory(0.25);
        b.User(b.Rng.Pick(b.UserPool.Knowledge));
        return new CaseDraft(Offer(b, history), ToolCallCases.AutoOrAbsent(b.Rng), []);
    }

    public static CaseDraft IrrelevantTools(ConversationBuilder b)
    {
        var (tool, example) = ToolOffer.PickExample(b.Rng, t => t.Domain != "search" && t.Domain != "code");
        b.System().User(b.Ask(example));
        return new CaseDraft(ToolOffer.Unrelated(b.Rng, new HashSet<string>(StringComparer.Ordinal) { tool.Domain }), ToolCallCases.AutoOrAbsent(b.Rng), []);
    }

    public static CaseDraft ToolChoiceNone(ConversationBuilder b)
    {
        var (tool, example) = ToolOffer.PickExample(b.Rng);
        b.System().MaybeHistory(0.2);
        b.User(b.Ask(example));
        return new CaseDraft(ToolOffer.Around(b.Rng, tool), "none", []);
    }

    public static CaseDraft SummariseResult(ConversationBuilder b)
    {
        var first = ToolOffer.PickExample(b.Rng);
        b.System();
        if (b.Rng.Chance(0.3))
        {
            var second = ToolOffer.PickExample(b.Rng, t => t.Name != first.Tool.Name && t.Domain != "search");
            b.User(b.Ask(first.Example)).CallsAndResults(first, second);
            return new CaseDraft(ToolOffer.Around(b.Rng, first.Tool, second.Tool), ToolCallCases.AutoOrAbsent(b.Rng), []);
        }

        b.User(b.Ask(first.Example)).CallsAndResults(first);
        return new CaseDraft(ToolOffer.Around(b.Rng, first.Tool), ToolCallCases.AutoOrAbsent(b.Rng), []);
    }

    public static CaseDraft UnsafeRefusal(ConversationBuilder b)
    {
        b.System().User(b.Rng.Pick(b.UserPool.Unsafe));
        var domains = new[] { "email", "messaging", "devops", "search", "code", "maps" };
        var tools = ToolCatalog.All.Where(t => domains.Contains(t.Domain)).ToList();
        var offered = Enumerable.Range(0, 4).Select(_ => b.Rng.Pick(tools)).DistinctBy(t => t.Name).ToList();
        return new CaseDraft(offered, ToolCallCases.AutoOrAbsent(b.Rng), []);
    }

    public static CaseDraft LongContextSummary(ConversationBuilder b)
    {
        var document = LongDocuments.Create(b.Rng, ReferenceEquals(b.UserPool, ChineseText.Pool) ? Language.Chinese : Language.English, b.Rng.Next(8500, 11000));
        b.System().User(document + "\n\n" + b.Rng.Pick(b.UserPool.LongDocumentAsks));
        return new CaseDraft(ToolOffer.Unrelated(b.Rng, NoDomain), ToolCallCases.AutoOrAbsent(b.Rng), [], MaxTokens: 8192);
    }

    private static List<ToolSpec> Offer(ConversationBuilder b, ToolSpec? historical) =>
        historical is null ? ToolOffer.Unrelated(b.Rng, NoDomain) : ToolOffer.Around(b.Rng, historical);
}
