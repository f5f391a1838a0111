using K2Verifier.Baselines;
using K2Verifier.EarlyStop;
using K2Verifier.Gates;
using K2Verifier.Results;

namespace K2Verifier.Core.Tests.EarlyStop;

public sealed class EarlyStopMonitorTests
{
    private const int Population = 4000;

    [Fact]
    public void Record_ClearPass_DecidedWellBeforeTheEnd()
    {
        var (rows, baseline) = Deployment(tp: 1500, fp: 40, fn: 60);

        var report = Replay(rows, baseline, seed: 1, "tool_call_f1>=0.80");

        Assert.True(report.StoppedEarly);
        Assert.Equal(GateDecision.Pass, Assert.Single(report.Gates).Verdict);
        Assert.InRange(report.RequestsUsed, 1, Population / 4);
    }

    [Fact]
    public void Record_ClearFail_DecidedWellBeforeTheEnd()
    {
        var (rows, baseline) = Deployment(tp: 300, fp: 40, fn: 1260);

        var report = Replay(rows, baseline, seed: 2, "tool_call_f1>=0.80", "schema_accuracy>=0.5");

        Assert.True(report.StoppedEarly);
        Assert.Equal(GateDecision.Fail, report.Gates[0].Verdict);
        Assert.Equal(GateDecision.Pass, report.Gates[1].Verdict);

        // schema accuracy is read from the 8.5 % of rows with tool_calls: the bound on so rare a cell needs more rows.
        Assert.InRange(report.RequestsUsed, 1, Population / 2);
    }

    [Theory]
    [InlineData(1370, 200, 200, true)] // F1 = 0.8726
    [InlineData(1210, 290, 300, false)] // F1 = 0.804
    [InlineData(1180, 330, 330, false)] // F1 = 0.7814
    public void Record_200SeededOrders_VerdictsAgreeWithTheFullRun(int tp, int fp, int fn, bool clear)
    {
        // Arrange
        var (rows, baseline) = Deployment(tp, fp, fn);
        var full = 2.0 * tp / ((2.0 * tp) + fp + fn) >= 0.80 ? GateDecision.Pass : GateDecision.Fail;

        // Act
        var reports = Enumerable.Range(0, 200).Select(seed => Replay(rows, baseline, seed, "tool_call_f1>=0.80")).ToList();

        // Assert: at 95 % confidence at most 5 % may disagree (10 of 200); a clear case also stops early.
        var disagreements = reports.Count(r => r.Gates[0].IsDecided && r.Gates[0].Verdict != full);
        Assert.InRange(disagreements, 0, 10);
        if (clear)
        {
            Assert.All(reports, r => Assert.True(r.StoppedEarly));
        }
    }

    [Fact]
    public void Record_RowsFinishingOutOfOrder_CountedInSendingOrder()
    {
        var (rows, baseline) = Deployment(tp: 1300, fp: 100, fn: 150);
        var gates = new[] { GateExpression.Parse("tool_call_f1>=0.80") };
        var order = Shuffled(rows, 3);
        var inOrder = new EarlyStopMonitor(gates, baseline, 0.95, 3);
        var reversedPairs = new EarlyStopMonitor(gates, baseline, 0.95, 3);
        inOrder.Begin([.. order.Select(r => r.DataIndex)]);
        reversedPairs.Begin([.. order.Select(r => r.DataIndex)]);

        foreach (var row in order)
        {
            inOrder.Record(row);
        }

        for (var i = 0; i + 1 < order.Count; i += 2)
        {
            reversedPairs.Record(order[i + 1]);
            reversedPairs.Record(order[i]);
        }

        Assert.Equal(inOrder.Report().RequestsUsed, reversedPairs.Report().RequestsUsed);
        Assert.Equal(inOrder.Report().Gates, reversedPairs.Report().Gates);
    }

    [Fact]
    public void Problems_UnsupportedMetricOrMissingBaseline_Named()
    {
        var problems = EarlyStopMonitor.Problems([GateExpression.Parse("latency_ms.p99<=1000"), GateExpression.Parse("tool_call_f1>=0.8")], null, 0.95).ToList();

        Assert.Contains(problems, p => p.Contains("latency_ms.p99 is not one of", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("give --baseline", StringComparison.Ordinal));
        Assert.Contains(EarlyStopMonitor.Problems([], null, 0.95), p => p.Contains("at least one --gate", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(">=", 0.81, 0.9, "pass")]
    [InlineData(">=", 0.7, 0.79, "fail")]
    [InlineData(">=", 0.7, 0.9, "undecided")]
    [InlineData("<=", 0.1, 0.7, "pass")]
    [InlineData("<", 0.8, 0.9, "fail")]
    [InlineData("==", 0.8, 0.8, "pass")]
    [InlineData("==", 0.85, 0.9, "fail")]
    public void Decide_IntervalAgainstThreshold(string op, double low, double high, string verdict)
    {
        Assert.Equal(verdict, EarlyStopMonitor.Decide(GateExpression.Parse($"tool_call_f1{op}0.8"), low, high));
    }

    private static EarlyStopReport Replay(IReadOnlyList<CaseResult> rows, Baseline baseline, int seed, params string[] gates) =>
        EarlyStopMonitor.Replay(rows, [.. gates.Select(GateExpression.Parse)], baseline, 0.95, seed);

    private static List<CaseResult> Shuffled(IReadOnlyList<CaseResult> rows, int seed)
    {
        var order = rows.ToList();
        EarlyStopMonitor.Shuffle(order, seed);
        return order;
    }

    /// <summary>A 4,000-request run with the given confusion counts (the rest true negatives); 90 % of calls valid.</summary>
    private static (List<CaseResult> Rows, Baseline Baseline) Deployment(int tp, int fp, int fn)
    {
        var rows = new List<CaseResult>();
        var entries = new Dictionary<int, BaselineEntry>();
        for (var i = 1; i <= Population; i++)
        {
            var (ours, reference) = i <= tp ? (true, true) : i <= tp + fp ? (true, false) : i <= tp + fp + fn ? (false, true) : (false, false);
            rows.Add(TestData.Row(i, ours ? "tool_calls" : "stop") with { ToolCallsValid = ours ? i % 10 != 0 : null });
            entries[i] = new BaselineEntry(i, reference ? "tool_calls" : "stop", false, null);
        }

        return (rows, new Baseline("expected.jsonl", BaselineKind.Expectations, entries));
    }
}
