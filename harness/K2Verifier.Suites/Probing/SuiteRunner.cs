using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Json;
using K2Verifier.Metrics;
using K2Verifier.Preparation;
using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Suites.Probing;

/// <summary>
/// Sends a suite's attempts through a backend with bounded concurrency, judges each answer and appends its row to
/// <c>suite-NAME.jsonl</c> (handed to the operating system before the next is counted); with
/// <see cref="SuiteRunOptions.Incremental"/>, attempts already finished in the journal are not sent again.
/// </summary>
public sealed class SuiteRunner(IChatBackend backend, TimeProvider time)
{
    /// <summary>Runs <paramref name="suite"/>; the report's rows are the journal's latest row per attempt.</summary>
    public async Task<SuiteReport> RunAsync(IProbeSuite suite, SuiteRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(options);
        var path = options.JournalPath(suite.Name);
        var kept = options.Incremental
            ? SuiteJournal.Read(path).Where(r => r.Status != ProbeStatus.Error).Select(r => r.Key).ToHashSet(StringComparer.Ordinal)
            : [];
        var cases = suite.Cases();
        var pending = cases.Select((probe, i) => (Probe: probe, Index: i + 1)).Where(p => !kept.Contains(p.Probe.Key)).ToList();
        var start = time.GetTimestamp();
        var outcome = RunOutcome.Completed;
        string? message = null;
        await using (var journal = ResultsJournal.Open(path, truncate: !options.Incremental))
        {
            try
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency, CancellationToken = cancellationToken };
                await Parallel.ForEachAsync(pending, parallel, async (item, ct) =>
                {
                    var request = Prepare(suite.Name, item.Probe, item.Index);
                    var response = await backend.SendAsync(request, ct).ConfigureAwait(false);
                    var row = ToRow(suite, item.Probe, request, response);
                    journal.AppendLine(JsonSerializer.SerializeToUtf8Bytes(row, SuitesJsonContext.Compact.ProbeRow));
                }).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                outcome = RunOutcome.Cancelled;
                message = "interrupted: finished probes are in the journal; rerun with --incremental to resume";
            }
            catch (EndpointUnavailableException ex)
            {
                outcome = RunOutcome.EndpointUnavailable;
                message = ex.Message;
            }
        }

        var order = cases.Select((c, i) => (c.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var rows = SuiteJournal.Latest(SuiteJournal.Read(path)).Where(r => order.ContainsKey(r.Key)).OrderBy(r => order[r.Key]).ToList();
        return new SuiteReport(suite.Name, outcome, message, rows, pending.Count, (long)time.GetElapsedTime(start).TotalMilliseconds, path);
    }

    /// <summary>The prepared request for one attempt: <c>stream</c> (with usage in the stream) set from the mode.</summary>
    public static PreparedRequest Prepare(string suite, ProbeCase probe, int index)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var body = (JsonObject)probe.Body.DeepClone();
        if (probe.Stream)
        {
            body["stream"] = true;
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }
        else
        {
            body.Remove("stream");
            body.Remove("stream_options");
        }

        var json = body.ToJsonString();
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new PreparedRequest(index, new SourceLocation($"suite-{suite}", index), json, "{}", json, RequestPreparer.Hash(root), probe.Stream,
            RequestPreparer.ReadTools(root), RequestPreparer.ReadModel(root));
    }

    private ProbeRow ToRow(IProbeSuite suite, ProbeCase probe, PreparedRequest request, BackendResponse response)
    {
        ProbeVerdict verdict;
        try
        {
            verdict = suite.Judge(probe, response);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            verdict = new ProbeVerdict(ProbeStatus.Error, false, "unreadable", "unreadable_response", ex.Message);
        }

        return new ProbeRow
        {
            Suite = suite.Name,
            Probe = probe.Probe,
            Mode = probe.Mode,
            Rerun = probe.Rerun,
            Required = probe.Required,
            Expected = probe.Expected,
            Got = verdict.Got,
            Status = verdict.Status,
            Passed = verdict.Passed,
            Reason = verdict.Reason,
            Detail = verdict.Detail,
            Rationale = probe.Rationale.Length == 0 ? null : probe.Rationale,
            Features = probe.Features,
            HttpStatus = response.StatusCode,
            Attempts = response.Attempts,
            DurationMs = response.DurationMs,
            LastRunAt = MetricsCalculator.PythonIsoFormat(time.GetLocalNow().DateTime),
            Request = JsonElement.Parse(request.RequestJson),
            Response = ResponseElement(response),
        };
    }

    private static JsonElement? ResponseElement(BackendResponse response)
    {
        var text = response.Body;
        if (response.IsSuccess && response.IsStream && text is not null)
        {
            text = ProbeAnswer.Read(response).Response?.ResponseJson ?? text;
        }

        if (text is null)
        {
            return response.Failure is { } failure ? JsonElement.Parse(new JsonObject { ["error"] = failure.Message }.ToJsonString()) : null;
        }

        try
        {
            return JsonElement.Parse(text);
        }
        catch (JsonException)
        {
            return JsonText.StringElement(text);
        }
    }
}
