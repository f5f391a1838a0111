namespace K2Verifier.Published;

/// <summary>Where a run stands among the providers of one published K2VV table.</summary>
public sealed record PublishedStanding
{
    /// <summary><c>k2-0905</c> or <c>k2-thinking</c>.</summary>
    public required string Table { get; init; }

    public required string TestDate { get; init; }

    /// <summary>The table's acceptance line for tool_call_f1 (0.80 or 0.73).</summary>
    public double AcceptanceF1 { get; init; }

    /// <summary>True/false when the run has a tool_call_f1 (it needs a baseline); null otherwise.</summary>
    public bool? PassesAcceptanceF1 { get; init; }

    /// <summary>1-based rank of this run's schema accuracy among the table's providers plus this run (ties share the better rank).</summary>
    public int? SchemaAccuracyRank { get; init; }

    /// <summary>Providers in the table.</summary>
    public int Providers { get; init; }

    /// <summary>Providers whose published schema accuracy is higher than this run's.</summary>
    public IReadOnlyList<string> ProvidersAbove { get; init; } = [];

    public static PublishedStanding? For(string? table, double? schemaAccuracy, double? toolCallF1)
    {
        var rows = PublishedTables.All.Where(v => v.Table == table).ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var above = schemaAccuracy is { } accuracy ? rows.Where(v => v.SchemaAccuracy > accuracy + 1e-9).Select(v => v.Provider).ToList() : [];
        return new PublishedStanding
        {
            Table = table!,
            TestDate = rows[0].TestDate,
            AcceptanceF1 = rows[0].AcceptanceF1,
            PassesAcceptanceF1 = toolCallF1 is { } f1 ? f1 >= rows[0].AcceptanceF1 : null,
            SchemaAccuracyRank = schemaAccuracy is null ? null : above.Count + 1,
            Providers = rows.Count,
            ProvidersAbove = above,
        };
    }
}
