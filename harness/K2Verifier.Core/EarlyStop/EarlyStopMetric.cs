namespace K2Verifier.EarlyStop;

/// <summary>
/// A summary metric an early-stopping gate can decide: the row cells it is counted from and how their count intervals
/// bound it. Counts are bounded by their cell; ratios <c>w·a / (w·a + b + …)</c> (F1, precision, recall, schema
/// accuracy) are increasing in <c>a</c> and decreasing in the others, so their extremes come from the cells' extremes.
/// </summary>
public sealed record EarlyStopMetric(string Name, RowCell Numerator, int Weight, IReadOnlyList<RowCell> Others, bool IsCount)
{
    /// <summary>Every metric <c>--early-stop</c> can decide, by name.</summary>
    public static IReadOnlyDictionary<string, EarlyStopMetric> Supported { get; } = new[]
    {
        Count("success_count", RowCell.Success),
        Count("failure_count", RowCell.Failed),
        Count("finish_stop", RowCell.Stop),
        Count("finish_tool_calls", RowCell.ToolCalls),
        Count("finish_others", RowCell.Others),
        Count("successful_tool_call_count", RowCell.Valid),
        Count("schema_validation_error_count", RowCell.Invalid),
        Count("tp", RowCell.Tp),
        Count("fp", RowCell.Fp),
        Count("fn", RowCell.Fn),
        Count("tn", RowCell.Tn),
        new EarlyStopMetric("schema_accuracy", RowCell.Valid, 1, [RowCell.Invalid], false),
        new EarlyStopMetric("tool_call_precision", RowCell.Tp, 1, [RowCell.Fp], false),
        new EarlyStopMetric("tool_call_recall", RowCell.Tp, 1, [RowCell.Fn], false),
        new EarlyStopMetric("tool_call_f1", RowCell.Tp, 2, [RowCell.Fp, RowCell.Fn], false),
    }.ToDictionary(m => m.Name, StringComparer.Ordinal);

    /// <summary>True when the metric is compared with a baseline.</summary>
    public bool NeedsBaseline => Numerator is RowCell.Tp or RowCell.Fp or RowCell.Fn or RowCell.Tn;

    /// <summary>Every cell the metric reads.</summary>
    public IEnumerable<RowCell> Cells => Others.Prepend(Numerator);

    /// <summary>The metric's interval from its cells' count intervals; a null end where the metric may be undefined (0/0).</summary>
    public (double? Low, double? High) Interval(Func<RowCell, (double Low, double High)> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        var (aLow, aHigh) = bounds(Numerator);
        if (IsCount)
        {
            return (aLow, aHigh);
        }

        var othersLow = Others.Sum(c => bounds(c).Low);
        var othersHigh = Others.Sum(c => bounds(c).High);
        return (Ratio(Weight * aLow, othersHigh), Ratio(Weight * aHigh, othersLow));
    }

    private static double? Ratio(double numerator, double others) => numerator + others <= 0 ? null : numerator / (numerator + others);

    private static EarlyStopMetric Count(string name, RowCell cell) => new(name, cell, 1, [], true);
}
