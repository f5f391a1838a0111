using K2Verifier.Dataset;
using K2Verifier.Results;
using K2Verifier.Running;
using Spectre.Console;

namespace K2Verifier.Cli.Output;

/// <summary>A Spectre.Console progress bar with rate, ETA and live stop / tool_calls / invalid / failed counts.</summary>
internal sealed class LiveRunObserver : IRunObserver
{
    private readonly Lock _lock = new();
    private readonly List<string> _skipped = [];
    private ProgressTask? _task;

    /// <summary>Lines skipped during the run, printed after the bar closes.</summary>
    public IReadOnlyList<string> Skipped => _skipped;

    /// <summary>Runs <paramref name="run"/> inside a live progress display on stderr.</summary>
    public static async Task<T> RunAsync<T>(Func<LiveRunObserver, Task<T>> run)
    {
        var observer = new LiveRunObserver();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var result = await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                observer._task = context.AddTask("replaying", maxValue: 1);
                return await run(observer).ConfigureAwait(false);
            }).ConfigureAwait(false);
        foreach (var line in observer._skipped.Take(50))
        {
            await Console.Error.WriteLineAsync($"skipped {line}").ConfigureAwait(false);
        }

        return result;
    }

    public void DatasetLineSkipped(DatasetRecord record)
    {
        lock (_lock)
        {
            _skipped.Add(record.Describe());
        }
    }

    public void Started(int datasetLines)
    {
        if (_task is { } task)
        {
            task.MaxValue = Math.Max(1, datasetLines);
        }
    }

    public void Quiet(RunProgress progress, TimeSpan quietFor)
    {
        if (_task is not { } task)
        {
            return;
        }

        lock (_lock)
        {
            task.Description = Markup.Escape(PlainRunObserver.QuietLine(progress, quietFor));
        }
    }

    public void CaseFinished(CaseResult result, RunProgress progress)
    {
        if (_task is not { } task)
        {
            return;
        }

        lock (_lock)
        {
            task.MaxValue = Math.Max(1, progress.Total);
            task.Value = progress.Done;
            task.Description = Markup.Escape(
                $"{progress.Done}/{progress.Total} {progress.Rate:0.0} req/s  stop {progress.Stop}  tool_calls {progress.ToolCalls}  invalid {progress.Invalid}  failed {progress.Failed}{PlainRunObserver.ConcurrencyText(progress)}");
        }
    }
}
