using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Core.Tests.Running;

public sealed class RunnerTests
{
    private static readonly string Tools = """[{"type":"function","function":{"name":"search","parameters":{"type":"object"}}}]""";

    [Fact]
    public async Task RunAsync_EveryRequest_ExactlyOneSortedRow()
    {
        var options = Options(Dataset(20));
        var backend = new FakeBackend(async (r, ct) =>
        {
            await Task.Yield();
            return r.DataIndex % 3 == 0 ? FakeBackend.ToolCall("search", "{\"q\":1}") : FakeBackend.Stop();
        });

        var report = await Run(backend, options);

        var rows = ResultsFile.Read(options.OutputPath).Select(r => r.Result!).ToList();
        Assert.Equal(RunOutcome.Completed, report.Outcome);
        Assert.Equal(Enumerable.Range(1, 20), rows.Select(r => r.DataIndex));
        Assert.Equal(6, report.Summary.FinishToolCalls);
        Assert.Equal(6, report.Summary.SuccessfulToolCallCount);
        Assert.Equal(14, report.Summary.FinishStop);
        Assert.Equal(14 * 4, report.Summary.Usage.TotalTokens);
        Assert.True(File.Exists(options.SummaryPath));
    }

    [Fact]
    public async Task RunAsync_FailedRequests_AreRowsAndTheRunGoesOn()
    {
        var options = Options(Dataset(5));
        var backend = new FakeBackend((r, _) => Task.FromResult(r.DataIndex == 2 ? FakeBackend.Failed() : FakeBackend.Stop()));

        var report = await Run(backend, options);

        var failed = ResultsFile.Read(options.OutputPath).Select(r => r.Result!).Single(r => r.DataIndex == 2);
        Assert.Equal(CaseStatus.Failed, failed.Status);
        Assert.Equal("http_status", failed.Error!.Category);
        Assert.Equal(4, failed.Attempts);
        Assert.Equal(1, report.Summary.FailureCount);
        Assert.Equal(4, report.Summary.SuccessCount);
    }

    [Fact]
    public async Task RunAsync_Incremental_ResendsOnlyFailures_AndEndsLikeACleanRun()
    {
        var dataset = Dataset(10);
        var options = Options(dataset);
        await Run(new FakeBackend((r, _) => Task.FromResult(r.DataIndex % 4 == 0 ? FakeBackend.Failed() : FakeBackend.Stop())), options);
        var second = new FakeBackend((r, _) => Task.FromResult(FakeBackend.Stop()));

        var report = await Run(second, options with { Incremental = true });

        Assert.Equal(2, second.Calls);
        Assert.Equal(10, report.Summary.SuccessCount);
        Assert.Equal(10, ResultsFile.Read(options.OutputPath).Count());
    }

    [Theory]
    [InlineData("m")]
    [InlineData(null)]
    public async Task RunAsync_FreshRun_OutcomesAndModelAreThoseOfRescoringItsJournal(string? model)
    {
        var options = Options(Dataset(9)) with { Preparation = new() { Model = model } };
        var backend = new FakeBackend((r, _) => Task.FromResult(
            r.DataIndex % 3 == 0 ? FakeBackend.Failed() : r.DataIndex % 3 == 1 ? FakeBackend.ToolCall("search", "{\"q\":1}") : FakeBackend.Stop()));

        var report = await Run(backend, options);

        var rescored = new ResultsScorer(Evaluator()).Read(options.OutputPath);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(rescored.Outcomes), System.Text.Json.JsonSerializer.Serialize(report.Outcomes));
        Assert.Equal(Enumerable.Range(1, 9), report.Outcomes.Select(o => o.DataIndex));
        Assert.Equal(rescored.Model, report.Summary.Model);
    }

    [Fact]
    public async Task RunAsync_IncrementalRun_OutcomesAreThoseOfRescoringItsJournal()
    {
        // Arrange: an incremental run resends the failures of a first run, so the journal mixes kept and new rows.
        var options = Options(Dataset(12));
        await Run(new FakeBackend((r, _) => Task.FromResult(r.DataIndex % 4 == 0 ? FakeBackend.Failed() : FakeBackend.Stop())), options);
        var second = new FakeBackend((r, _) => Task.FromResult(r.DataIndex == 8 ? FakeBackend.Failed() : FakeBackend.ToolCall("search", "{\"q\":1}")));

        // Act
        var report = await Run(second, options with { Incremental = true });

        // Assert
        var rescored = new ResultsScorer(Evaluator()).Read(options.OutputPath);
        Assert.Equal(3, second.Calls);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(rescored.Outcomes), System.Text.Json.JsonSerializer.Serialize(report.Outcomes));
        Assert.Equal(2, report.Summary.FinishToolCalls);
    }

    [Fact]
    public async Task RunAsync_Cancelled_JournalKeepsFinishedRows_ResumeCompletes()
    {
        var options = Options(Dataset(30)) with { Concurrency = 1 };
        using var cts = new CancellationTokenSource();
        var backend = new FakeBackend((r, ct) =>
        {
            if (r.DataIndex == 11)
            {
                cts.Cancel();
                ct.ThrowIfCancellationRequested();
            }

            return Task.FromResult(FakeBackend.Stop());
        });

        var report = await new Runner(backend, Evaluator(), TimeProvider.System, new NullObserver()).RunAsync(options, cts.Token);

        Assert.Equal(RunOutcome.Cancelled, report.Outcome);
        Assert.Equal(10, ResultsFile.Read(options.OutputPath).Count());
        Assert.False(report.Summary.Run.Complete);
        Assert.Equal(30, report.Summary.Run.DatasetRequests);
        var resumed = await Run(new FakeBackend((r, _) => Task.FromResult(FakeBackend.Stop())), options with { Incremental = true });
        Assert.Equal(30, resumed.Summary.SuccessCount);
        Assert.True(resumed.Summary.Run.Complete);
    }

    [Fact]
    public async Task RunAsync_EndpointUnavailable_StopsWithThatOutcome()
    {
        var options = Options(Dataset(50)) with { Concurrency = 2 };
        var backend = new FakeBackend((r, _) => r.DataIndex < 5
            ? Task.FromResult(FakeBackend.Stop())
            : throw new EndpointUnavailableException("http://127.0.0.1:1/v1: connection refused on 20 consecutive attempts"));

        var report = await Run(backend, options);

        Assert.Equal(RunOutcome.EndpointUnavailable, report.Outcome);
        Assert.Contains("connection refused", report.Message);
        Assert.True(backend.Calls < 50);
    }

    [Fact]
    public async Task RunAsync_BadLines_SkippedAndCounted()
    {
        var path = TempFile.Write("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}\nnot json\n{\"model\":\"x\"}\n{\"messages\":[{\"role\":\"user\",\"content\":\"b\"}]}");
        var observer = new NullObserver();

        var report = await new Runner(new FakeBackend((r, _) => Task.FromResult(FakeBackend.Stop())), Evaluator(), TimeProvider.System, observer)
            .RunAsync(Options(path), CancellationToken.None);

        Assert.Equal(2, report.Summary.SkippedLines);
        Assert.Equal(2, report.Summary.SuccessCount);
        Assert.Equal([2, 3], observer.Skipped.Select(r => r.DataIndex));
    }

    [Fact]
    public async Task RunAsync_Strict_FailsBeforeSendingAnything()
    {
        var path = TempFile.Write("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}\nnot json");
        var backend = new FakeBackend((r, _) => Task.FromResult(FakeBackend.Stop()));

        var ex = await Assert.ThrowsAsync<DatasetFormatException>(() => Run(backend, Options(path) with { Strict = true }));

        Assert.Contains(":2:", ex.Message);
        Assert.Equal(0, backend.Calls);
    }

    [Fact]
    public async Task RunAsync_NoRequestCompletesForQuietAfter_ObserverHearsHowManyAreInFlight()
    {
        // Arrange: three requests that the backend holds until released; a manual clock.
        var clock = new K2Verifier.Tests.Support.ManualTimeProvider();
        var arrived = new SemaphoreSlim(0);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var backend = new FakeBackend(async (_, ct) =>
        {
            arrived.Release();
            await release.Task.WaitAsync(ct);
            return FakeBackend.Stop();
        });
        var observer = new QuietRecorder();
        var run = new Runner(backend, Evaluator(), clock, observer).RunAsync(Options(Dataset(3)) with { Concurrency = 3 }, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(20)));
        }

        // Act
        clock.Advance(TimeSpan.FromSeconds(59));
        var beforeQuietAfter = observer.Quiet.Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        release.SetResult();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        // Assert
        Assert.Equal(0, beforeQuietAfter);
        var (progress, quietFor) = Assert.Single(observer.Quiet);
        Assert.Equal(3, progress.InFlight);
        Assert.Equal(0, progress.Done);
        Assert.Equal(TimeSpan.FromSeconds(60), quietFor);
    }

    private static Task<RunReport> Run(IChatBackend backend, RunOptions options) =>
        new Runner(backend, Evaluator(), TimeProvider.System, new NullObserver()).RunAsync(options, CancellationToken.None);

    private static CaseEvaluator Evaluator() => new(new FakeSchemaValidator());

    private static RunOptions Options(string dataset)
    {
        var directory = Path.GetDirectoryName(dataset)!;
        return new RunOptions
        {
            DatasetPath = dataset,
            OutputPath = Path.Combine(directory, "results.jsonl"),
            SummaryPath = Path.Combine(directory, "summary.json"),
            Concurrency = 4,
            Preparation = new() { Model = "m" },
        };
    }

    private static string Dataset(int count) =>
        TempFile.Write(string.Join('\n', Enumerable.Range(1, count).Select(i => $$"""{"messages":[{"role":"user","content":"q{{i}}"}],"tools":{{Tools}}}""")));

    private sealed class QuietRecorder : IRunObserver
    {
        public List<(RunProgress Progress, TimeSpan QuietFor)> Quiet { get; } = [];

        public void DatasetLineSkipped(DatasetRecord record)
        {
        }

        public void Started(int datasetLines)
        {
        }

        public void CaseFinished(CaseResult result, RunProgress progress)
        {
        }

        void IRunObserver.Quiet(RunProgress progress, TimeSpan quietFor) => Quiet.Add((progress, quietFor));
    }

    private sealed class NullObserver : IRunObserver
    {
        public List<DatasetRecord> Skipped { get; } = [];

        public void DatasetLineSkipped(DatasetRecord record) => Skipped.Add(record);

        public void Started(int datasetLines)
        {
        }

        public void CaseFinished(CaseResult result, RunProgress progress)
        {
        }
    }
}
