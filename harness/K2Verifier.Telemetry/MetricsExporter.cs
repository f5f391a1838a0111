using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace K2Verifier.Telemetry;

/// <summary>
/// Exports a run's <see cref="RunMetrics"/> while it runs: a Prometheus scrape endpoint on 127.0.0.1
/// (<c>--metrics-port</c>; 0 picks a free port) and/or OTLP over HTTP (<c>--otlp-endpoint</c>). Nothing is opened
/// unless asked. Disposing pushes the last OTLP export and closes the endpoint.
/// </summary>
public sealed class MetricsExporter : IAsyncDisposable
{
    private readonly MeterProvider _provider;
    private readonly WebApplication? _server;

    private MetricsExporter(MeterProvider provider, WebApplication? server, Uri? scrapeUri)
    {
        _provider = provider;
        _server = server;
        ScrapeUri = scrapeUri;
    }

    /// <summary>The Prometheus scrape URL (<c>http://127.0.0.1:PORT/metrics</c>); null without <c>--metrics-port</c>.</summary>
    public Uri? ScrapeUri { get; }

    /// <summary>Starts exporting <paramref name="metrics"/>.</summary>
    /// <param name="metrics">The run's instruments.</param>
    /// <param name="prometheusPort">The scrape endpoint's port on 127.0.0.1 (0: any free port); null for none.</param>
    /// <param name="otlpEndpoint">The OTLP/HTTP collector's base URL (e.g. <c>http://127.0.0.1:4318</c>); null for none.</param>
    /// <param name="otlpInterval">How often OTLP is pushed. Default: 10 s.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<MetricsExporter> StartAsync(RunMetrics metrics, int? prometheusPort, Uri? otlpEndpoint, TimeSpan? otlpInterval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var builder = Sdk.CreateMeterProviderBuilder().AddMeter(metrics.MeterName);
        if (prometheusPort is not null)
        {
            builder.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
        }

        if (otlpEndpoint is not null)
        {
            builder.AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(otlpEndpoint, "v1/metrics");
                exporter.Protocol = OtlpExportProtocol.HttpProtobuf;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)(otlpInterval ?? TimeSpan.FromSeconds(10)).TotalMilliseconds;
            });
        }

        var provider = builder.Build();
        if (prometheusPort is not { } port)
        {
            return new MetricsExporter(provider, null, null);
        }

        var app = ScrapeServer(provider, port);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsExporter(provider, app, new Uri(new Uri(address), "metrics"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync().ConfigureAwait(false);
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _provider.ForceFlush();
        _provider.Dispose();
    }

    private static WebApplication ScrapeServer(MeterProvider provider, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.UseOpenTelemetryPrometheusScrapingEndpoint(provider, context => context.Request.Path == "/metrics", path: null, configureBranchedPipeline: null, optionsName: null);
        return app;
    }
}
