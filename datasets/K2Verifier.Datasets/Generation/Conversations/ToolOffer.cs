using K2Verifier.Datasets.Generation.Catalog;

namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>Chooses which tools a request declares: the needed ones, some siblings from their domain, a few distractors.</summary>
internal static class ToolOffer
{
    /// <summary>Domains whose tools could plausibly serve almost any request (never used as distractors).</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal) { "search", "code" };

    /// <summary>A random tool and one of its examples.</summary>
    public static (ToolSpec Tool, ToolExample Example) PickExample(SeededRandom rng, Func<ToolSpec, bool>? filter = null)
    {
        var tools = filter is null ? ToolCatalog.All : [.. ToolCatalog.All.Where(filter)];
        var tool = rng.Pick(tools);
        return (tool, rng.Pick(tool.Examples));
    }

    /// <summary>The needed tools plus up to 2 siblings and up to 2 distractors from other non-generic domains, shuffled.</summary>
    public static List<ToolSpec> Around(SeededRandom rng, params ToolSpec[] needed)
    {
        var offered = new List<ToolSpec>(needed.DistinctBy(t => t.Name));
        var domains = needed.Select(t => t.Domain).ToHashSet(StringComparer.Ordinal);
        foreach (var sibling in ToolCatalog.All.Where(t => domains.Contains(t.Domain)).Where(_ => rng.Chance(0.35)).Take(2))
        {
            AddOnce(offered, sibling);
        }

        var distractorCount = rng.Next(0, 3);
        for (var i = 0; i < distractorCount; i++)
        {
            AddOnce(offered, rng.Pick(Unrelated(domains)));
        }

        rng.Shuffle(offered);
        return offered;
    }

    /// <summary>2–5 tools from domains other than <paramref name="avoidDomains"/> and the generic ones.</summary>
    public static List<ToolSpec> Unrelated(SeededRandom rng, IReadOnlySet<string> avoidDomains)
    {
        var pool = Unrelated(avoidDomains);
        var offered = new List<ToolSpec>();
        var count = rng.Next(2, 6);
        while (offered.Count < count)
        {
            AddOnce(offered, rng.Pick(pool));
        }

        return offered;
    }

    private static List<ToolSpec> Unrelated(IReadOnlySet<string> avoidDomains) =>
        [.. ToolCatalog.All.Where(t => !avoidDomains.Contains(t.Domain) && !Generic.Contains(t.Domain))];

    private static void AddOnce(List<ToolSpec> tools, ToolSpec tool)
    {
        if (!tools.Exists(t => t.Name == tool.Name))
        {
            tools.Add(tool);
        }
    }
}
