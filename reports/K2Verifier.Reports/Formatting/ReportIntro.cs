using K2Verifier.Reports.Model;

namespace K2Verifier.Reports.Formatting;

/// <summary>The one-line description under a report's title: runs, baseline, published table, problem requests.</summary>
internal static class ReportIntro
{
    /// <summary>The parts in order; <paramref name="baseline"/> formats the baseline's file name (its result counts as already escaped).</summary>
    public static IReadOnlyList<(string Text, bool Escaped)> Parts(ReportModel model, Func<string, string> baseline)
    {
        var parts = new List<(string, bool)> { (model.Runs.Count == 1 ? "1 run" : $"{Display.Count(model.Runs.Count)} runs", false) };
        parts.Add(model.BaselinePath is { } path ? (baseline(Path.GetFileName(path)), true) : ("no baseline (trigger metrics need --baseline)", false));
        if (model.PublishedTable is { } table && model.PublishedVendors.Count > 0)
        {
            parts.Add(($"published K2VV table {table}, tested {model.PublishedVendors[0].TestDate}", false));
        }

        parts.Add(($"{Display.Count(model.ProblemRows)} problem requests (failed, invalid or unlike the baseline)", false));
        return parts;
    }
}
