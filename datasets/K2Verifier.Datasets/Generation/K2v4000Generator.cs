using System.Text.Json.Nodes;
using K2Verifier.Datasets.Generation.Conversations;
using K2Verifier.Datasets.Generation.Text;

namespace K2Verifier.Datasets.Generation;

/// <summary>
/// The seeded generator of <c>datasets/k2v-4000</c>: a shuffled plan of categories, then one independent random
/// stream per request (seed, index), so the output depends only on the seed and <see cref="Version"/>.
/// </summary>
public static class K2v4000Generator
{
    /// <summary>Bumped whenever the output changes.</summary>
    public const string Version = "1.0.0";

    /// <summary>The seed of the committed dataset.</summary>
    public const ulong DefaultSeed = 20250815;

    /// <summary>Generates every request in file order.</summary>
    public static IReadOnlyList<GeneratedCase> Generate(ulong seed = DefaultSeed)
    {
        var plan = CaseCategories.All.SelectMany(c => Enumerable.Repeat(c, c.Count)).ToList();
        new SeededRandom(seed).Shuffle(plan);
        var cases = new List<GeneratedCase>(plan.Count);
        for (var i = 0; i < plan.Count; i++)
        {
            cases.Add(Build(plan[i], SeededRandom.ForItem(seed, i)));
        }

        return cases;
    }

    private static GeneratedCase Build(CaseCategory category, SeededRandom rng)
    {
        var builder = new ConversationBuilder(rng);
        var draft = category.Build(builder);
        var body = new JsonObject { ["model"] = "kimi-k2", ["messages"] = builder.Messages };
        if (draft.Tools.Count > 0)
        {
            body["tools"] = new JsonArray([.. draft.Tools.Select(t => (JsonNode)t.Declaration())]);
        }

        if (draft.ToolChoice is not null)
        {
            body["tool_choice"] = draft.ToolChoice;
        }

        body["temperature"] = 0.6;
        body["max_tokens"] = draft.MaxTokens;
        if (rng.Chance(0.25))
        {
            body["stream"] = true;
        }

        var tokens = builder.Messages.Sum(m => LongDocuments.EstimateTokens(TextOf(m!["content"])));
        if (category.ExpectsCall != draft.ExpectedCalls.Count > 0)
        {
            throw new InvalidOperationException($"category {category.Name} produced a label that contradicts it");
        }

        return new GeneratedCase(category.Name, builder.Language, body, draft.ExpectedCalls, builder.IdStyle, builder.HasHistoricalCalls, tokens);
    }

    private static string TextOf(JsonNode? content) => content switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>())),
        _ => string.Empty,
    };
}
