namespace K2Verifier.Charts;

/// <summary>
/// Bars over categories: one bar per series in each category (grouped), or the series piled up (stacked). Vertical
/// bars suit a few categories (runs); horizontal bars suit many or long names (providers, dataset categories).
/// </summary>
public sealed record BarChart : ChartSpec
{
    /// <summary>The category names, in drawing order.</summary>
    public required IReadOnlyList<string> Categories { get; init; }

    /// <summary>The series; each has one value (or null) per category.</summary>
    public required IReadOnlyList<BarSeries> Series { get; init; }

    /// <summary>Pile the series up instead of placing them side by side. Default: false.</summary>
    public bool Stacked { get; init; }

    /// <summary>Bars grow to the right with categories down the left. Default: false (vertical bars).</summary>
    public bool Horizontal { get; init; }

    /// <summary>The value axis' lower end. Default: 0.</summary>
    public double ValueMin { get; init; }

    /// <summary>The value axis' upper end; null fits the data. Default: null.</summary>
    public double? ValueMax { get; init; }

    /// <summary>Dashed lines across the plot at fixed values (e.g. an acceptance line). Default: none.</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines { get; init; } = [];

    /// <summary>Print each bar's value at its end. Default: false.</summary>
    public bool ShowValues { get; init; }
}
