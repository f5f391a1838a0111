using K2Verifier.Baselines;
using K2Verifier.Results;

namespace K2Verifier.Metrics;

/// <summary>
/// Joins a run with a baseline by data_index and computes K2VV's trigger similarity (TP/FP/FN/TN, precision, recall,
/// F1) with a seeded bootstrap interval for F1 and Wilson intervals for precision and recall. Rows missing or failed
/// on either side are left out of the counts and listed in the <see cref="BaselineJoin"/>.
/// </summary>
public static class TriggerMetricsCalculator
{
    /// <summary>Bootstrap resamples for F1 intervals.</summary>
    public const int Resamples = 2000;

    /// <summary>The fixed bootstrap seed: the same files always give the same interval.</summary>
    public const int Seed = 20251115;

    /// <summary>Joins <paramref name="rows"/> (one per data_index) with <paramref name="baseline"/>.</summary>
    public static (BaselineJoin Join, List<(CaseOutcome Ours, BaselineEntry Reference)> Pairs) Join(IReadOnlyCollection<CaseOutcome> rows, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(baseline);
        var pairs = new List<(CaseOutcome, BaselineEntry)>();
        List<int> missingInBaseline = [], failedInRun = [], failedInBaseline = [];
        var seen = new HashSet<int>();
        foreach (var row in rows.OrderBy(r => r.DataIndex))
        {
            seen.Add(row.DataIndex);
            if (!baseline.Entries.TryGetValue(row.DataIndex, out var reference))
            {
                missingInBaseline.Add(row.DataIndex);
            }
            else if (!row.IsSuccess)
            {
                failedInRun.Add(row.DataIndex);
            }
            else if (reference.Failed)
            {
                failedInBaseline.Add(row.DataIndex);
            }
            else
            {
                pairs.Add((row, reference));
            }
        }

        var join = new BaselineJoin
        {
            Path = baseline.Path,
            Kind = baseline.Kind == BaselineKind.Expectations ? "expectations" : "official_results",
            Joined = pairs.Count,
            MissingInBaseline = missingInBaseline,
            MissingInRun = [.. baseline.Entries.Keys.Where(k => !seen.Contains(k)).Order()],
            FailedInRun = failedInRun,
            FailedInBaseline = failedInBaseline,
        };
        return (join, pairs);
    }

    /// <summary>Trigger metrics over joined pairs (ours is tool_calls, reference is tool_calls).</summary>
    public static TriggerMetrics Compute(IReadOnlyList<(bool Ours, bool Reference)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = Count(pairs, null);
        return new TriggerMetrics
        {
            Counts = counts,
            F1Interval = BootstrapF1(pairs),
            PrecisionInterval = Interval.Wilson(counts.Tp, counts.Tp + counts.Fp),
            RecallInterval = Interval.Wilson(counts.Tp, counts.Tp + counts.Fn),
        };
    }

    /// <summary>The 95% percentile-bootstrap interval of F1 over <paramref name="pairs"/> (fixed seed, <see cref="Resamples"/> resamples).</summary>
    public static Interval? BootstrapF1(IReadOnlyList<(bool Ours, bool Reference)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            return null;
        }

#pragma warning disable CA5394 // statistics, not security: a seeded, reproducible generator is the point
        var random = new Random(Seed);
        var replicates = new double?[Resamples];
        for (var r = 0; r < Resamples; r++)
        {
            replicates[r] = Count(pairs, random).F1;
        }
#pragma warning restore CA5394

        return Interval.FromReplicates(replicates);
    }

    private static ConfusionCounts Count(IReadOnlyList<(bool Ours, bool Reference)> pairs, Random? resample)
    {
        var counts = default(ConfusionCounts);
        for (var i = 0; i < pairs.Count; i++)
        {
#pragma warning disable CA5394
            var (ours, reference) = pairs[resample is null ? i : resample.Next(pairs.Count)];
#pragma warning restore CA5394
            counts = counts.Add(ours, reference);
        }

        return counts;
    }
}
