using K2Verifier.Baselines;
using K2Verifier.Metrics;
using K2Verifier.Results;

namespace K2Verifier.Comparison;

/// <summary>
/// Compares two runs over their common requests (the same data_index holding the same request, by
/// <see cref="Preparation.RequestIdentity"/>; rows without a request join by data_index alone): outcome changes, metric deltas with seeded paired-bootstrap intervals
/// (resampling requests, so both runs see the same draw), and how similar B's triggering is to A's.
/// </summary>
public static class RunComparer
{
    /// <summary>Metrics compared without a baseline.</summary>
    public static IReadOnlyList<string> PlainMetrics { get; } = ["success_rate", "tool_calls_rate", "schema_accuracy"];

    /// <summary>Metrics added when a baseline is given.</summary>
    public static IReadOnlyList<string> BaselineMetrics { get; } = ["tool_call_f1", "tool_call_precision", "tool_call_recall"];

    /// <summary>Compares run A with run B.</summary>
    /// <param name="labelA">A's name (its path).</param>
    /// <param name="a">A's outcomes.</param>
    /// <param name="labelB">B's name.</param>
    /// <param name="b">B's outcomes.</param>
    /// <param name="baseline">The reference of the F1 deltas, when given.</param>
    /// <param name="joinByIndexOnly">Join by data_index even where the requests differ (<c>--allow-disjoint</c>).</param>
    public static RunComparison Compare(string labelA, IReadOnlyList<CaseOutcome> a, string labelB, IReadOnlyList<CaseOutcome> b, Baseline? baseline = null, bool joinByIndexOnly = false)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var byIndexA = MetricsCalculator.Latest(a).ToDictionary(o => o.DataIndex);
        var byIndexB = MetricsCalculator.Latest(b).ToDictionary(o => o.DataIndex);
        var sameIndex = byIndexA.Keys.Where(byIndexB.ContainsKey).Order().ToList();
        var different = sameIndex.Where(i => !SameRequest(byIndexA[i], byIndexB[i])).ToList();
        var common = joinByIndexOnly ? sameIndex : [.. sameIndex.Where(i => SameRequest(byIndexA[i], byIndexB[i]))];
        var items = common.Select(i => (A: byIndexA[i], B: byIndexB[i], Reference: ReferenceOf(baseline, i))).ToList();
        var metrics = baseline is null ? PlainMetrics : [.. PlainMetrics, .. BaselineMetrics];
        var similarityPairs = items.Where(x => x.A.IsSuccess && x.B.IsSuccess)
            .Select(x => (x.B.FinishReason == "tool_calls", x.A.FinishReason == "tool_calls"))
            .ToList();
        var similarity = TriggerMetricsCalculator.Compute(similarityPairs);
        return new RunComparison
        {
            A = labelA,
            B = labelB,
            Baseline = baseline?.Path,
            CommonRequests = common.Count,
            DifferentRequests = different,
            OnlyInA = [.. byIndexA.Keys.Where(k => !byIndexB.ContainsKey(k)).Order()],
            OnlyInB = [.. byIndexB.Keys.Where(k => !byIndexA.ContainsKey(k)).Order()],
            Changes = [.. items.SelectMany(x => Changes(x.A, x.B))],
            Deltas = Deltas(items, metrics),
            SimilarityF1 = MetricsCalculator.Round(similarity.Counts.F1),
            SimilarityF1Interval = similarity.F1Interval,
        };
    }

    private static List<MetricDelta> Deltas(List<(CaseOutcome A, CaseOutcome B, bool? Reference)> items, IReadOnlyList<string> metrics)
    {
        var (tallyA, tallyB) = Tally(items, null);
        var replicates = metrics.ToDictionary(m => m, _ => new List<double?>(TriggerMetricsCalculator.Resamples));
#pragma warning disable CA5394 // statistics, not security: a seeded, reproducible generator is the point
        var random = new Random(TriggerMetricsCalculator.Seed);
        for (var r = 0; items.Count > 0 && r < TriggerMetricsCalculator.Resamples; r++)
        {
            var (ra, rb) = Tally(items, random);
            foreach (var metric in metrics)
            {
                replicates[metric].Add(ra.Value(metric) is { } x && rb.Value(metric) is { } y ? y - x : null);
            }
        }
#pragma warning restore CA5394

        return [.. metrics.Select(m =>
        {
            var va = tallyA.Value(m);
            var vb = tallyB.Value(m);
            return new MetricDelta(m, MetricsCalculator.Round(va), MetricsCalculator.Round(vb), va is { } x && vb is { } y ? Math.Round(y - x, 6) : null, Interval.FromReplicates(replicates[m]));
        })];
    }

    private static (RunTally A, RunTally B) Tally(List<(CaseOutcome A, CaseOutcome B, bool? Reference)> items, Random? resample)
    {
        RunTally a = default, b = default;
        for (var i = 0; i < items.Count; i++)
        {
#pragma warning disable CA5394
            var item = items[resample is null ? i : resample.Next(items.Count)];
#pragma warning restore CA5394
            a.Add(item.A, item.Reference);
            b.Add(item.B, item.Reference);
        }

        return (a, b);
    }

    private static IEnumerable<RequestChange> Changes(CaseOutcome a, CaseOutcome b)
    {
        if (a.IsSuccess != b.IsSuccess)
        {
            yield return new RequestChange(a.DataIndex, "status", a.Status, b.Status);
            yield break;
        }

        var triggerA = a.FinishReason == "tool_calls";
        var triggerB = b.FinishReason == "tool_calls";
        if (triggerA != triggerB)
        {
            yield return new RequestChange(a.DataIndex, "trigger", a.FinishReason ?? "none", b.FinishReason ?? "none");
        }
        else if (triggerA && (a.ToolCallsValid == true) != (b.ToolCallsValid == true))
        {
            yield return new RequestChange(a.DataIndex, "validity", a.ToolCallsValid == true ? "valid" : "invalid", b.ToolCallsValid == true ? "valid" : "invalid");
        }
    }

    private static bool SameRequest(CaseOutcome a, CaseOutcome b) =>
        a.RequestKey is null || b.RequestKey is null || string.Equals(a.RequestKey, b.RequestKey, StringComparison.Ordinal);

    private static bool? ReferenceOf(Baseline? baseline, int index) =>
        baseline is not null && baseline.Entries.TryGetValue(index, out var entry) && !entry.Failed ? entry.IsToolCall : null;
}
