using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using K2Verifier.Results;

namespace K2Verifier.Telemetry;

/// <summary>
/// The live metrics of a run, as <see cref="System.Diagnostics.Metrics"/> instruments that OpenTelemetry (or any
/// listener) exports while the run goes on. Names follow the OpenTelemetry GenAI semantic conventions where they
/// define one (<c>gen_ai.client.operation.duration</c>, <c>gen_ai.client.token.usage</c>, attributes
/// <c>gen_ai.operation.name</c>, <c>gen_ai.request.model</c>, <c>gen_ai.token.type</c>, <c>error.type</c>); the
/// verifier's own carry the <c>k2v.</c> prefix. Every value is derived from the journal row, so the last scrape of a
/// run agrees with its summary.
/// </summary>
public sealed class RunMetrics : IDisposable
{
    /// <summary>The default meter name.</summary>
    public const string DefaultMeterName = "K2Verifier";

    private readonly Meter _meter;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _toolCalls;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _rateLimited;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _ttft;
    private readonly Histogram<long> _tokens;
    private readonly KeyValuePair<string, object?>[] _common;

    /// <param name="model">The model name sent (<c>gen_ai.request.model</c>).</param>
    /// <param name="concurrency">Reads the current concurrency limit (observed at each export).</param>
    /// <param name="meterName">The meter's name (tests give each run its own). Default: <see cref="DefaultMeterName"/>.</param>
    public RunMetrics(string? model, Func<int> concurrency, string meterName = DefaultMeterName)
    {
        ArgumentNullException.ThrowIfNull(concurrency);
        MeterName = meterName;
        _meter = new Meter(meterName, Running.HarnessVersion.Value);
        _common = [new("gen_ai.operation.name", "chat"), new("gen_ai.request.model", model ?? "unknown")];
        _requests = _meter.CreateCounter<long>("k2v.requests", "{request}", "Finished requests, by status, finish_reason and error category (error.type).");
        _toolCalls = _meter.CreateCounter<long>("k2v.tool_calls", "{call}", "Judged tool calls of tool_calls answers, by validity and error category.");
        _retries = _meter.CreateCounter<long>("k2v.retries", "{attempt}", "Attempts beyond the first.");
        _rateLimited = _meter.CreateCounter<long>("k2v.rate_limited", "{request}", "Requests that met at least one HTTP 429.");
        _duration = _meter.CreateHistogram<double>("gen_ai.client.operation.duration", "s", "Request duration including retries.");
        _ttft = _meter.CreateHistogram<double>("k2v.client.time_to_first_token", "s", "Time to the first content or tool-call delta of streamed requests.");
        _tokens = _meter.CreateHistogram<long>("gen_ai.client.token.usage", "{token}", "Tokens per request, by gen_ai.token.type (input, output).");
        _meter.CreateObservableGauge("k2v.concurrency", concurrency, "{request}", "The current limit of requests in flight.");
    }

    /// <summary>The meter's name, for a listener's subscription.</summary>
    public string MeterName { get; }

    /// <summary>Records one journal row.</summary>
    public void Record(CaseResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var tags = new TagList(_common)
        {
            { "k2v.status", row.Status },
            { "gen_ai.response.finish_reason", row.FinishReason ?? "none" },
        };
        if (row.Error is { } error)
        {
            tags.Add("error.type", error.Category);
        }

        _requests.Add(1, tags);
        _duration.Record(row.DurationMs / 1000.0, new TagList(_common));
        if (row.TtftMs is { } ttft)
        {
            _ttft.Record(ttft / 1000.0, new TagList(_common));
        }

        if (row.Attempts > 1)
        {
            _retries.Add(row.Attempts - 1, new TagList(_common));
        }

        if (row.Error?.StatusCode == 429 || row.Warnings.Any(w => w.Contains("429", StringComparison.Ordinal)))
        {
            _rateLimited.Add(1, new TagList(_common));
        }

        foreach (var check in row.ToolCallChecks)
        {
            _toolCalls.Add(1, new TagList(_common) { { "k2v.valid", check.Valid }, { "error.type", check.Category ?? "none" } });
        }

        if (row.Usage is { } usage)
        {
            // Read by normalisation from the same response: not parsed again here.
            _tokens.Record(usage.PromptTokens, new TagList(_common) { { "gen_ai.token.type", "input" } });
            _tokens.Record(usage.CompletionTokens, new TagList(_common) { { "gen_ai.token.type", "output" } });
        }
        else
        {
            RecordUsage(row.ResponseJson);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private void RecordUsage(string? responseJson)
    {
        if (responseJson is null || !responseJson.Contains("\"usage\"", StringComparison.Ordinal))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(responseJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
            {
                Tokens(usage, "prompt_tokens", "input");
                Tokens(usage, "completion_tokens", "output");
            }
        }
        catch (JsonException)
        {
            // A response that is not JSON has no usage to count.
        }
    }

    private void Tokens(JsonElement usage, string name, string type)
    {
        if (usage.TryGetProperty(name, out var value) && value.TryGetInt64(out var tokens))
        {
            _tokens.Record(tokens, new TagList(_common) { { "gen_ai.token.type", type } });
        }
    }
}
