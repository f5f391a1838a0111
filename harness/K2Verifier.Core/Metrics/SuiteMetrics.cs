using System.Text.RegularExpressions;

namespace K2Verifier.Metrics;

/// <summary>
/// The gate metrics of embedded suite results: <c>suites.NAME.total|passed|failed|required_failed|failing_probes</c> and
/// <c>suites.NAME.by_status.STATUS</c> (a status that never occurred reads as 0), e.g. <c>suites.params.required_failed==0</c>.
/// </summary>
public static partial class SuiteMetrics
{
    /// <summary>True when <paramref name="name"/> has the shape of a suite metric.</summary>
    public static bool IsKnown(string name) => Shape().IsMatch(name);

    /// <summary>Why the suite metric <paramref name="name"/> cannot be had from <paramref name="summary"/>, or null when it can.</summary>
    public static string? Unavailable(RunSummary summary, string name)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var suite = Shape().Match(name).Groups["suite"].Value;
        return summary.Suites is not { } suites
            ? $"{name} needs suite results: give --suite-results DIR (a folder written by suite … --out DIR)"
            : !suites.TryGetValue(suite, out var record) ? $"{name}: suite {suite} is not among the embedded suite results ({string.Join(", ", suites.Keys)})"
            : record.Outcome != "completed" ? $"{name}: suite {suite} did not complete ({record.Outcome}); run it again with --incremental"
            : null;
    }

    /// <summary>Adds the metrics of every embedded suite to <paramref name="metrics"/>.</summary>
    public static void Add(Dictionary<string, double?> metrics, IReadOnlyDictionary<string, SuiteRecord>? suites)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        foreach (var (name, suite) in suites ?? new Dictionary<string, SuiteRecord>())
        {
            metrics[$"suites.{name}.total"] = suite.Total;
            metrics[$"suites.{name}.passed"] = suite.Passed;
            metrics[$"suites.{name}.failed"] = suite.Failed;
            metrics[$"suites.{name}.required_failed"] = suite.RequiredFailed;
            metrics[$"suites.{name}.failing_probes"] = suite.FailingProbes;
            foreach (var (status, count) in suite.ByStatus)
            {
                metrics[$"suites.{name}.by_status.{status}"] = count;
            }
        }
    }

    [GeneratedRegex(@"^suites\.(?<suite>[a-z0-9_-]+)\.(total|passed|failed|required_failed|failing_probes|by_status\.[a-z0-9_]+)$")]
    private static partial Regex Shape();
}
