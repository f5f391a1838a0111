using System.CommandLine;
using K2Verifier.Telemetry;

namespace K2Verifier.Cli.Commands;

/// <summary><c>--metrics-port P</c> and <c>--otlp-endpoint URL</c> of <c>run</c>: live metrics while the run goes on.</summary>
internal sealed class TelemetryOptions
{
    public Option<int?> MetricsPort { get; } = new("--metrics-port") { Description = "Serve live Prometheus metrics at http://127.0.0.1:P/metrics during the run (0 picks a free port, printed at the start)." };

    public Option<string?> OtlpEndpoint { get; } = new("--otlp-endpoint") { Description = "Push live metrics over OTLP/HTTP to this collector (e.g. http://127.0.0.1:4318) every 10 s and at the end." };

    public IEnumerable<Option> All => [MetricsPort, OtlpEndpoint];

    /// <summary>True when either exporter was asked for.</summary>
    public bool IsEnabled(ParseResult parseResult) => parseResult.GetValue(MetricsPort) is not null || parseResult.GetValue(OtlpEndpoint) is not null;

    /// <summary>Appends every problem with the two options.</summary>
    public void Validate(ParseResult parseResult, List<string> problems)
    {
        if (parseResult.GetValue(MetricsPort) is { } port && port is < 0 or > 65535)
        {
            problems.Add($"--metrics-port {port} is out of range (0 to 65535; 0 picks a free port)");
        }

        if (parseResult.GetValue(OtlpEndpoint) is { } endpoint
            && (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.UserInfo)))
        {
            problems.Add($"--otlp-endpoint \"{endpoint}\" is not an http(s) URL without credentials (e.g. http://127.0.0.1:4318)");
        }
    }

    /// <summary>Starts the exporters asked for; null when none was.</summary>
    public async Task<MetricsExporter?> StartAsync(ParseResult parseResult, RunMetrics metrics, TextWriter log, CancellationToken cancellationToken)
    {
        if (!IsEnabled(parseResult))
        {
            return null;
        }

        var otlp = parseResult.GetValue(OtlpEndpoint) is { } endpoint ? new Uri(endpoint.EndsWith('/') ? endpoint : endpoint + "/") : null;
        var exporter = await MetricsExporter.StartAsync(metrics, parseResult.GetValue(MetricsPort), otlp, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (exporter.ScrapeUri is { } scrape)
        {
            await log.WriteLineAsync($"metrics: {scrape}").ConfigureAwait(false);
        }

        if (otlp is not null)
        {
            await log.WriteLineAsync($"metrics: pushing OTLP to {new Uri(otlp, "v1/metrics")}").ConfigureAwait(false);
        }

        return exporter;
    }
}
