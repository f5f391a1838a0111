using System.Globalization;
using K2Verifier.Backends.Http;
using K2Verifier.Backends.Http.RateLimiting;
using K2Verifier.Metrics;
using K2Verifier.Preparation;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace K2Verifier.Backends;

/// <summary>
/// An <see cref="IChatBackend"/> for any OpenAI-compatible endpoint. The prepared body is POSTed as is to
/// <c>{BaseUrl}/chat/completions</c> (or <c>/completions</c>) by <see cref="EndpointTransport"/>, and the
/// raw body comes back: JSON, or for streams the SSE text as received. One Polly pipeline per instance (per run)
/// gives per-attempt timeouts, bounded retries honouring <c>Retry-After</c>, and a circuit breaker that throws
/// <see cref="EndpointUnavailableException"/> when the endpoint is down for everything. Every other failure is
/// data in the returned <see cref="BackendResponse"/>; the caller's cancellation propagates as
/// <see cref="OperationCanceledException"/>. Thread-safe: one instance serves all concurrent requests of a run.
/// </summary>
public sealed partial class HttpChatBackend : IChatBackend, IDisposable
{
    private readonly HttpBackendOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly EndpointTransport _transport;
    private readonly EndpointHealth _health = new();
    private readonly ResiliencePipeline<AttemptResult> _pipeline;
    private readonly ResiliencePipeline<AttemptResult> _attemptTimeout;
    private readonly SendGate _gate;
    private readonly SecretScrubber _scrubber;
    private readonly string _endpointDisplay;
    private bool _disposed;

    /// <summary>Creates the backend for one run.</summary>
    /// <param name="options">Endpoint, key, timeouts, retries; validated here.</param>
    /// <param name="timeProvider">Clock for timeouts, retry waits and durations. Default: <see cref="TimeProvider.System"/>.</param>
    /// <param name="handler">
    /// The HTTP handler requests go through (owned: disposed with the backend). Default: a <see cref="SocketsHttpHandler"/>
    /// with <see cref="HttpBackendOptions.ConnectTimeout"/>; tests inject a scripted one.
    /// </param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public HttpChatBackend(HttpBackendOptions options, TimeProvider? timeProvider = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid HTTP backend options: " + string.Join(" ", problems), nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _scrubber = new SecretScrubber(options.ApiKey);
        _endpointDisplay = DisplayUrl(options);
        _gate = new SendGate(options, _timeProvider);
        _transport = new EndpointTransport(options, new RateLimitSignalHandler(
            handler ?? EndpointTransport.CreateSocketsHandler(options), _gate.Cooldown, _gate.Concurrency, _timeProvider));
        _pipeline = HttpResiliencePipelineFactory.Create(options, _health, _gate.Cooldown, _timeProvider);
        _attemptTimeout = HttpResiliencePipelineFactory.CreateAttemptTimeout(options, _timeProvider);
    }

    /// <summary>The options this backend runs with.</summary>
    public HttpBackendOptions Options => _options;

    /// <summary>The adaptive concurrency now, where it settled and its timeline; null without <see cref="RateLimitOptions.ConcurrencyCeiling"/>.</summary>
    public ConcurrencyReport? Concurrency => _gate.Report();

    /// <summary>The adaptive concurrency limit now (cheap, for progress lines); null without a ceiling.</summary>
    public int? ConcurrencyLimit => _gate.Concurrency?.Limit;

    /// <inheritdoc/>
    /// <exception cref="EndpointUnavailableException">The circuit breaker is open: the endpoint is down for everything.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<BackendResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var state = new RequestState(_options.Retry, _options.RateLimit.MaxWait ?? _options.Timeout, _timeProvider);
        long started = _timeProvider.GetTimestamp();
        ResilienceContext context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestState.Key, state);
        try
        {
            AttemptResult result = await _pipeline.ExecuteAsync(
                static (ctx, s) => s.Backend.GatedAttemptAsync(s.Request, s.State, ctx),
                context,
                (Backend: this, Request: request, State: state));
            return ToResponse(result, state, started);
        }
        catch (TimeoutRejectedException)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var timedOut = new AttemptResult
            {
                Body = state.PartialBody,
                IsStream = request.Stream,
                Failure = new BackendFailure(BackendFailureCategory.Timeout, string.Create(
                    CultureInfo.InvariantCulture, $"no complete response within the per-attempt timeout of {_options.Timeout.TotalSeconds:0.###} s")),
            };
            return ToResponse(timedOut, state, started);
        }
        catch (BrokenCircuitException exception)
        {
            throw new EndpointUnavailableException(_scrubber.Scrub(string.Create(CultureInfo.InvariantCulture,
                $"{_endpointDisplay} is unavailable: {_health.Describe()} (connection errors, timeouts, 5xx and every 4xx but 429 count; the circuit breaker opens when at least {_options.CircuitBreaker.MinimumThroughput} attempts within {_options.CircuitBreaker.SamplingDuration.TotalSeconds:0} s all failed)")),
                exception);
        }
        finally
        {
            state.ReleaseBody();
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_disposed)
        {
            _disposed = true;
            _transport.Dispose();
            _gate.Dispose();
        }
    }

    /// <summary>One attempt behind the send gate (cool-down, quotas, a concurrency slot held until the body is read), under the per-attempt timeout.</summary>
    private async ValueTask<AttemptResult> GatedAttemptAsync(PreparedRequest request, RequestState state, ResilienceContext context)
    {
        using IDisposable? slot = await _gate.EnterAsync(request, context.CancellationToken);
        AttemptResult result = await _attemptTimeout.ExecuteAsync(
            static (ctx, s) => s.Backend.AttemptAsync(s.Request, s.State, ctx.CancellationToken),
            context,
            (Backend: this, Request: request, State: state));
        _gate.Observe(result.Body);
        return result;
    }

    private BackendResponse ToResponse(AttemptResult result, RequestState state, long started)
    {
        BackendFailure? failure = result.Failure;
        if (failure is not null && result.Fault == AttemptFault.RateLimited)
        {
            failure = failure with { Category = BackendFailureCategory.RateLimited, Message = state.DescribeRateLimit(failure.Message) };
        }
        else if (failure is not null && state.Attempts > 1)
        {
            failure = failure with { Message = string.Create(CultureInfo.InvariantCulture, $"{failure.Message} (after {state.Attempts} attempts)") };
        }

        return new BackendResponse
        {
            StatusCode = result.StatusCode,
            Body = result.Body,
            IsStream = result.IsStream,
            Stream = result.Stream,
            DurationMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds,
            TimeToFirstTokenMs = result.TimeToFirstTokenMs,
            Attempts = state.Attempts,
            Failure = failure is null ? null : failure with { Message = _scrubber.Scrub(failure.Message) },
            Warnings = [.. state.Notes.Concat(result.Warnings).Select(_scrubber.Scrub)],
        };
    }

    /// <summary>The base URL without user info, query or fragment (safe to show).</summary>
    private static string DisplayUrl(HttpBackendOptions options)
    {
        var builder = new UriBuilder(options.BaseUrl) { UserName = string.Empty, Password = string.Empty, Query = string.Empty, Fragment = string.Empty };
        string path = options.UseRawCompletions ? "/completions" : "/chat/completions";
        return builder.Uri.AbsoluteUri.TrimEnd('/') + path;
    }
}
