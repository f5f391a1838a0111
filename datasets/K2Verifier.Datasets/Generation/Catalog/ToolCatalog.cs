namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>Every tool the generator can offer, grouped by domain, in a fixed order.</summary>
public static class ToolCatalog
{
    /// <summary>All tools, domain by domain.</summary>
    public static IReadOnlyList<ToolSpec> All { get; } =
    [
        .. SearchTools.Create(), .. WeatherTools.Create(), .. MapsTools.Create(), .. TravelTools.Create(),
        .. CalendarTools.Create(), .. EmailTools.Create(), .. FilesTools.Create(), .. CodeTools.Create(),
        .. DatabaseTools.Create(), .. CommerceTools.Create(), .. FinanceTools.Create(), .. DevOpsTools.Create(),
        .. MessagingTools.Create(),
    ];

    /// <summary>The domains, in catalog order.</summary>
    public static IReadOnlyList<string> Domains { get; } = [.. All.Select(t => t.Domain).Distinct()];

    /// <summary>The tools of <paramref name="domain"/>.</summary>
    public static IReadOnlyList<ToolSpec> InDomain(string domain) => [.. All.Where(t => t.Domain == domain)];
}
