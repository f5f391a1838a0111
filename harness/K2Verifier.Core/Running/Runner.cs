using System.Runtime.CompilerServices;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Metrics;
using K2Verifier.Preparation;
using K2Verifier.Results;

namespace K2Verifier.Running;

/// <summary>
/// Replays a dataset against a backend with bounded concurrency: each finished request is appended to the journal
/// (and flushed) before it is counted; at the end the journal is read once (<see cref="ResultsScorer"/>), then
/// de-duplicated and sorted, and the summary is computed from what was read. Ctrl-C and a dead endpoint stop the run with the journal intact.
/// </summary>
public sealed partial class Runner
{
    private readonly IChatBackend _backend;
    private readonly CaseEvaluator _evaluator;
    private readonly TimeProvider _time;
    private readonly IRunObserver _observer;

    public Runner(IChatBackend backend, CaseEvaluator evaluator, TimeProvider time, IRunObserver observer)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(observer);
        _backend = backend;
        _evaluator = evaluator;
        _time = time;
        _observer = observer;
    }

    /// <summary>Runs the replay. Throws <see cref="DatasetFormatException"/> in strict mode on a bad line.</summary>
    public async Task<RunReport> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Strict)
        {
            await EnsureDatasetIsCleanAsync(options.DatasetPath, cancellationToken).ConfigureAwait(false);
        }

        var startedAt = _time.GetLocalNow().DateTime;
        var start = _time.GetTimestamp();
        var kept = options.Incremental ? SuccessfulHashes(options.OutputPath) : [];
        var (estimate, datasetSha256) = await DatasetFingerprint.ReadAsync(options.DatasetPath, cancellationToken).ConfigureAwait(false);
        var counters = new RunCounters(_time, start);
        var outcome = RunOutcome.Completed;
        string? message = null;
        var judged = new System.Collections.Concurrent.ConcurrentDictionary<long, CaseOutcome>(); // by where the row starts

        await using (var journal = ResultsJournal.Open(options.OutputPath, truncate: !options.Incremental))
        {
            var requests = PrepareAsync(options, kept, counters, cancellationToken);
            counters.Total = estimate;
            _observer.Started(estimate);
            using var heartbeat = StartHeartbeat(counters, options.QuietAfter);
            try
            {
                await ConcurrentForEach.RunAsync(requests, options.Concurrency, async (request, ct) =>
                {
                    var response = await SendCountedAsync(request, counters, ct).ConfigureAwait(false);
                    var (row, judgedOutcome) = _evaluator.Judge(request, response, MetricsCalculator.PythonIsoFormat(_time.GetLocalNow().DateTime));
                    judged[await journal.AppendAsync(row, CancellationToken.None).ConfigureAwait(false)] = judgedOutcome;
                    options.EarlyStop?.Record(row);
                    _observer.CaseFinished(row, WithConcurrency(counters.Record(row)));
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = RunOutcome.Cancelled;
                message = "interrupted: finished requests are in the journal; rerun with --incremental to resume";
            }
            catch (EndpointUnavailableException ex)
            {
                outcome = RunOutcome.EndpointUnavailable;
                message = ex.Message;
            }
        }

        // One read of the journal: this run's rows keep the outcome judged as they finished, earlier rows (--incremental)
        // are judged here; compaction then copies the latest rows by their offsets.
        var scored = new ResultsScorer(_evaluator).Read(options.OutputPath, options: new JournalReadOptions
        {
            JudgedAt = offset => judged.TryGetValue(offset, out var known) ? known : null,
            KeepRow = options.KeepRow,
        });
        ResultsFile.Compact(options.OutputPath, scored.Spans);
        var finishedAt = _time.GetLocalNow().DateTime;
        var run = new RunInfo
        {
            Model = options.Preparation.Model,
            Endpoint = options.Endpoint,
            Dataset = options.DatasetPath,
            DatasetSha256 = datasetSha256,
            Concurrency = options.Concurrency,
            HarnessVersion = HarnessVersion.Value,
            StartedAt = MetricsCalculator.PythonIsoFormat(startedAt),
            FinishedAt = MetricsCalculator.PythonIsoFormat(finishedAt),
            DurationMs = (long)_time.GetElapsedTime(start).TotalMilliseconds,
            RequestsSent = counters.Done,
            SkippedLines = counters.Skipped,
            PublishedTable = options.PublishedTable,
            DatasetRequests = estimate,
            Results = options.OutputPath,
            Complete = outcome == RunOutcome.Completed,
            ConcurrencySettled = (_backend as HttpChatBackend)?.Concurrency?.Settled,
            ConcurrencyTimeline = (_backend as HttpChatBackend)?.Concurrency?.Timeline,
        };
        var summary = scored.Summarize(run, options.Baseline) with { EarlyStop = options.EarlyStop?.Report() };
        await RunSummaryWriter.WriteAsync(summary, options.SummaryPath, CancellationToken.None).ConfigureAwait(false);
        return new RunReport(outcome, summary, scored.Latest, options.OutputPath, options.SummaryPath, message) { Journal = scored };
    }

    /// <summary>The progress with the HTTP backend's adaptive concurrency limit, when it has one.</summary>
    private RunProgress WithConcurrency(RunProgress progress) =>
        _backend is HttpChatBackend { ConcurrencyLimit: { } limit } http ? progress with { Concurrency = limit, ConcurrencyCeiling = http.Options.RateLimit.ConcurrencyCeiling } : progress;

    private async IAsyncEnumerable<PreparedRequest> PrepareAsync(
        RunOptions options,
        HashSet<string> kept,
        RunCounters counters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var requests = SelectAsync(options, kept, counters, cancellationToken);
        if (options.EarlyStop is not { } monitor)
        {
            await foreach (var request in requests.ConfigureAwait(false))
            {
                yield return request;
            }

            yield break;
        }

        // Early stop: the whole population in a seeded random order, so the confidence sequences hold.
        var shuffled = await requests.ToListAsync(cancellationToken).ConfigureAwait(false);
        EarlyStop.EarlyStopMonitor.Shuffle(shuffled, monitor.OrderSeed);
        monitor.Begin([.. shuffled.Select(r => r.DataIndex)]);
        foreach (var request in shuffled)
        {
            if (monitor.ShouldStop)
            {
                yield break;
            }

            yield return request;
        }
    }

    private async IAsyncEnumerable<PreparedRequest> SelectAsync(
        RunOptions options,
        HashSet<string> kept,
        RunCounters counters,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var preparer = new RequestPreparer(options.Preparation);

        // Each record is prepared before the next is read; the prepared request keeps nothing of the record's document.
        await foreach (var record in DatasetReader.ReadTransientAsync(options.DatasetPath, cancellationToken).ConfigureAwait(false))
        {
            if (!record.IsValid)
            {
                counters.Skip();
                _observer.DatasetLineSkipped(record);
                continue;
            }

            var request = preparer.Prepare(record);
            if (options.Shard is { } shard && !shard.Contains(request.Hash))
            {
                counters.Exclude();
                continue;
            }

            if (kept.Contains(request.Hash))
            {
                counters.Keep();
                continue;
            }

            yield return request;
        }
    }

    private static async Task EnsureDatasetIsCleanAsync(string path, CancellationToken cancellationToken)
    {
        await foreach (var record in DatasetReader.ReadTransientAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (!record.IsValid)
            {
                throw new DatasetFormatException(record.Describe());
            }
        }
    }

    /// <summary>Hashes whose latest row in an existing results file (ours or K2VV's) succeeded, as K2VV's incremental mode reads them.</summary>
    public static HashSet<string> SuccessfulHashes(string resultsPath)
    {
        var latest = new Dictionary<string, bool>(StringComparer.Ordinal);
        if (File.Exists(resultsPath))
        {
            foreach (var line in JsonlScanner.Lines(resultsPath))
            {
                if (RowHeader.TryRead(line.Bytes.Span, out var header) && header.Hash is { } hash)
                {
                    latest[hash] = header.Status == CaseStatus.Success;
                }
            }
        }

        return [.. latest.Where(p => p.Value).Select(p => p.Key)];
    }
}
