using K2Verifier.Charts;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Charts;

/// <content>The wire-conformance chart.</content>
public static partial class ReportCharts
{
    /// <summary>Wire findings per code and run (horizontal bars); null when no run has any.</summary>
    public static BarChart? WireFindings(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var codes = model.WireCodes;
        if (codes.Count == 0)
        {
            return null;
        }

        return new BarChart
        {
            Id = "wire-findings",
            Title = "Wire findings by code",
            Subtitle = "Counted per finding; see docs/wire-conformance.md for each code's rationale",
            ValueLabel = "findings",
            ValueFormat = "0",
            Categories = [.. codes],
            Series = [.. model.Runs.Select((r, i) => new BarSeries(r.Label, [.. codes.Select(c => (double?)r.Summary.Wire.Codes.GetValueOrDefault(c))], null, Palette.At(i)))],
            Horizontal = true,
            ShowValues = true,
        };
    }
}
