using System.Runtime.CompilerServices;
using K2Verifier.Charts;
using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Charts;

/// <summary>The report's charts drawn once per model (SVG and PNG), shared by the chart files and the HTML page.</summary>
internal static class ReportChartImages
{
    private static readonly ConditionalWeakTable<ReportModel, IReadOnlyList<ChartImage>> Drawn = [];

    /// <summary>Every chart of <see cref="ReportCharts.Build"/>, drawn.</summary>
    public static IReadOnlyList<ChartImage> For(ReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Drawn.GetValue(model, m => [.. ReportCharts.Build(m).Select(ChartRenderer.Render)]);
    }
}
