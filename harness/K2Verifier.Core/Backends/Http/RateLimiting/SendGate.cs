using K2Verifier.Metrics;
using K2Verifier.Preparation;

namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// What every attempt passes before it is sent, in order: the endpoint's cool-down, the client-side quotas
/// (requests per second, tokens per minute) and a slot of the adaptive concurrency. Built once per backend.
/// </summary>
internal sealed class SendGate : IDisposable
{
    private readonly ClientRateLimiter? _requests;
    private readonly ClientRateLimiter? _tokens;
    private readonly TokenEstimator _estimator = new();

    public SendGate(HttpBackendOptions options, TimeProvider time)
    {
        RateLimitOptions limits = options.RateLimit;
        Cooldown = new EndpointCooldown(time, options.Retry.MaxDelay);
        Concurrency = limits.ConcurrencyCeiling is { } ceiling ? new AdaptiveConcurrencyLimiter(ceiling, time) : null;
        _requests = limits.RequestsPerSecond is { } rate ? ClientRateLimiter.Requests(rate) : null;
        _tokens = limits.TokensPerMinute is { } tpm ? ClientRateLimiter.Tokens(tpm) : null;
    }

    public EndpointCooldown Cooldown { get; }

    public AdaptiveConcurrencyLimiter? Concurrency { get; }

    /// <summary>The adaptive limit now, its settled value and its timeline; null without adaptive concurrency.</summary>
    public ConcurrencyReport? Report() => Concurrency is { } c ? new ConcurrencyReport(c.Limit, c.Timeline.Settled(), c.Timeline.Points()) : null;

    /// <summary>Waits until <paramref name="request"/> may be sent; dispose the result when the attempt ends.</summary>
    public async ValueTask<IDisposable?> EnterAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        await Cooldown.WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_requests is not null)
        {
            await _requests.WaitAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is not null)
        {
            await _tokens.WaitAsync(_estimator.Estimate(request.WireBodyUtf8.Length > 0 ? request.WireBodyUtf8.Length : request.WireBodyJson.Length), cancellationToken).ConfigureAwait(false);
        }

        AdaptiveConcurrencyLimiter.Lease? lease = Concurrency is null ? null : await Concurrency.AcquireAsync(cancellationToken).ConfigureAwait(false);

        // A pause may have begun while this attempt queued for a quota or a slot: honour it too.
        if (Cooldown.Remaining > TimeSpan.Zero)
        {
            lease?.Dispose();
            return await EnterAsync(request, cancellationToken).ConfigureAwait(false);
        }

        return lease;
    }

    /// <summary>Learns token usage from a finished attempt (only with <c>--tokens-per-minute</c>).</summary>
    public void Observe(string? body)
    {
        if (_tokens is not null)
        {
            _estimator.Observe(body);
        }
    }

    public void Dispose()
    {
        _requests?.Dispose();
        _tokens?.Dispose();
    }
}
