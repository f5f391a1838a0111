namespace K2Verifier.Charts;

/// <summary>
/// Lines over a numeric x axis (linear or logarithmic), e.g. a latency CDF, or over ordered x labels (a trend, where
/// point i sits at x = i and <see cref="XLabels"/> names it).
/// </summary>
public sealed record LineChart : ChartSpec
{
    /// <summary>The x axis label.</summary>
    public required string XLabel { get; init; }

    /// <summary>The series, each with points in ascending x.</summary>
    public required IReadOnlyList<LineSeries> Series { get; init; }

    /// <summary>Logarithmic x axis (all x must be positive). Default: false.</summary>
    public bool LogX { get; init; }

    /// <summary>Names of x = 0, 1, 2…; when set, the x axis is categorical. Default: null (numeric).</summary>
    public IReadOnlyList<string>? XLabels { get; init; }

    /// <summary>Draw steps (a CDF) instead of straight segments. Default: false.</summary>
    public bool Step { get; init; }

    /// <summary>Mark each point with a dot (for short series). Default: false.</summary>
    public bool Markers { get; init; }

    /// <summary>The y axis' lower end; null fits the data. Default: null.</summary>
    public double? YMin { get; init; }

    /// <summary>The y axis' upper end; null fits the data. Default: null.</summary>
    public double? YMax { get; init; }

    /// <summary>Dashed horizontal lines at fixed y values. Default: none.</summary>
    public IReadOnlyList<ReferenceLine> ReferenceLines { get; init; } = [];

    /// <summary>How x tick labels are formatted (invariant culture). Default: <c>0.##</c>.</summary>
    public string XFormat { get; init; } = "0.##";
}
