using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Integration.Tests.Runs;

/// <summary>
/// The runner against the fake vendor over HTTP: one request per scripted behaviour (timeouts are tested on a scripted
/// handler and a manual clock in K2Verifier.Core.Tests, where no cold start can outlast them).
/// </summary>
[Collection(KestrelSmoke.Name)]
public sealed class RunEndToEndTests
{
    [Fact]
    public async Task Run_EveryScriptedBehaviour_RecordedOnceWithTheRightVerdict()
    {
        // Arrange
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("stop", FakeReplies.Stop())
            .Script("valid", FakeReplies.ValidToolCall())
            .Script("valid-stream", FakeReplies.ValidToolCall())
            .Script("args-not-json", FakeReplies.ArgumentsNotJson())
            .Script("undeclared", FakeReplies.UndeclaredTool())
            .Script("empty", FakeReplies.EmptyToolCalls())
            .Script("length", FakeReplies.Length())
            .Script("rate-limited", FakeReplies.Sequence(FakeReplies.RateLimited("1"), FakeReplies.ValidToolCall()))
            .Script("500-then-ok", FakeReplies.FailTimes(2, FakeReplies.ServerError(), FakeReplies.Stop()))
            .Script("reset", FakeReplies.ConnectionReset())
            .Script("truncated-stream", FakeReplies.TruncatedStream())
            .Script("noisy-stream", FakeReplies.NoisyStream())
            .Script("non-json", FakeReplies.NonJson());
        string[] keys = ["stop", "valid", "valid-stream", "args-not-json", "undeclared", "empty", "length", "rate-limited", "500-then-ok", "reset", "truncated-stream", "noisy-stream", "non-json"];
        var options = RunFixture.Options(RunFixture.Dataset(RunFixture.Folder(), keys));
        var clock = new InstantDelayTimeProvider { MaxInstantDelay = TimeSpan.FromSeconds(30) };
        using var backend = TestBackends.For(server, timeProvider: clock);
        using var deadline = TestBackends.Deadline(60);

        // Act
        var report = await RunFixture.RunAsync(backend, options, deadline.Token);

        // Assert
        var rows = RunFixture.Rows(options.OutputPath);
        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(Enumerable.Range(1, keys.Length), rows.Keys.Order());
        var byKey = keys.Select((k, i) => (k, rows[i + 1])).ToDictionary(p => p.k, p => p.Item2);
        AssertRow(byKey["stop"], CaseStatus.Success, "stop", null);
        AssertRow(byKey["valid"], CaseStatus.Success, "tool_calls", true);
        AssertRow(byKey["valid-stream"], CaseStatus.Success, "tool_calls", true);
        Assert.NotNull(byKey["valid-stream"].TtftMs);
        AssertRow(byKey["args-not-json"], CaseStatus.Success, "tool_calls", false, ToolCallErrorCategory.ArgumentsNotJson);
        AssertRow(byKey["undeclared"], CaseStatus.Success, "tool_calls", false, ToolCallErrorCategory.UndeclaredTool);
        AssertRow(byKey["empty"], CaseStatus.Success, "tool_calls", false, ToolCallErrorCategory.EmptyToolCalls);
        AssertRow(byKey["length"], CaseStatus.Success, "length", null);
        AssertRow(byKey["rate-limited"], CaseStatus.Success, "tool_calls", true);
        Assert.Equal(2, byKey["rate-limited"].Attempts);
        AssertRow(byKey["500-then-ok"], CaseStatus.Success, "stop", null);
        Assert.Equal(3, byKey["500-then-ok"].Attempts);
        AssertFailed(byKey["reset"], "connection", 4);
        AssertFailed(byKey["truncated-stream"], "truncated_stream", 4);
        AssertRow(byKey["noisy-stream"], CaseStatus.Success, "stop", null);
        Assert.NotEmpty(byKey["noisy-stream"].Warnings);
        AssertFailed(byKey["non-json"], "malformed_json", 1);

        var s = report.Summary;
        Assert.Equal(10, s.SuccessCount);
        Assert.Equal(3, s.FailureCount);
        Assert.Equal(3, s.FinishStop);
        Assert.Equal(6, s.FinishToolCalls);
        Assert.Equal(3, s.SuccessfulToolCallCount);
        Assert.Equal(3, s.SchemaValidationErrorCount);
        Assert.Equal(1, s.FinishOthersDetail["length"]);
        Assert.Equal(0.5, s.SchemaAccuracy);
        Assert.Equal(new Dictionary<string, int> { ["connection"] = 1, ["malformed_json"] = 1, ["truncated_stream"] = 1 }, s.FailureCategories);
        Assert.Single(server.RequestsFor("non-json"));
        Assert.Equal(2, server.RequestsFor("rate-limited").Count);
    }

    [Fact]
    public async Task Run_Chaos2000_EveryRowOnceAndSummaryConsistent()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Fallback = FakeReplies.RandomFaults(seed: 20251115, faultRate: 0.3, success: FakeReplies.ValidToolCall());
        var keys = Enumerable.Range(1, 2000).Select(i => i % 4 == 0 ? $"chaos-{i}-stream" : $"chaos-{i}").ToList();
        var options = RunFixture.Options(RunFixture.Dataset(RunFixture.Folder(), keys), concurrency: 32);
        using var backend = TestBackends.For(server, o => o with { Retry = o.Retry with { UseJitter = false } }, new InstantDelayTimeProvider());
        using var deadline = TestBackends.Deadline(120);

        var report = await RunFixture.RunAsync(backend, options, deadline.Token);

        var lines = ResultsFile.Read(options.OutputPath).ToList();
        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(2000, lines.Count);
        Assert.All(lines, l => Assert.NotNull(l.Result));
        Assert.Equal(Enumerable.Range(1, 2000), lines.Select(l => l.Result!.DataIndex));
        var s = report.Summary;
        Assert.Equal(2000, s.SuccessCount + s.FailureCount);
        Assert.Equal(s.SuccessCount, s.FinishToolCalls);
        Assert.Equal(s.FinishToolCalls, s.SuccessfulToolCallCount);
        Assert.Equal(s.FailureCount, s.FailureCategories.Values.Sum());
        Assert.True(s.RetriedRequests > 300, $"the fault rate should force retries, saw {s.RetriedRequests}");
        Assert.True(s.FailureCount < 20, $"four attempts at 30% faults should rarely all fail, saw {s.FailureCount}");
        Assert.Equal(lines.Sum(l => l.Result!.Attempts), server.Requests.Count);
    }

    private static void AssertRow(CaseResult row, string status, string finishReason, bool? valid, string? category = null)
    {
        Assert.True(row.Status == status, $"row {row.DataIndex}: status {row.Status} ({row.Error?.Message})");
        Assert.Equal(finishReason, row.FinishReason);
        Assert.Equal(valid, row.ToolCallsValid);
        if (category is not null)
        {
            Assert.Contains(row.ToolCallChecks, c => c.Category == category);
        }
    }

    private static void AssertFailed(CaseResult row, string category, int attempts)
    {
        Assert.Equal(CaseStatus.Failed, row.Status);
        Assert.Null(row.FinishReason);
        Assert.Equal(category, row.Error?.Category);
        Assert.Equal(attempts, row.Attempts);
    }
}
