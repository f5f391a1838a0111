using K2Verifier.Backends.Http.RateLimiting;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace K2Verifier.Backends.Http;

/// <summary>
/// Builds the one pipeline a <see cref="HttpChatBackend"/> uses for its whole run, outermost first:
/// retry (two budgets, <c>Retry-After</c>, capped waits) → circuit breaker (shared by all requests); each attempt then
/// passes the send gate and runs under the per-attempt timeout (<see cref="CreateAttemptTimeout"/>), so time queued
/// behind a cool-down or a concurrency slot never counts against <c>--timeout</c>.
/// </summary>
internal static class HttpResiliencePipelineFactory
{
    public static ResiliencePipeline<AttemptResult> Create(HttpBackendOptions options, EndpointHealth health, EndpointCooldown cooldown, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { Name = "k2verifier-http", TimeProvider = timeProvider };
        RetryOptions retry = options.Retry;

        // 429s have no count cap unless one is asked for: RequestState bounds them by time (--max-wait).
        long maxRetries = retry.RateLimitRetries is { } cap ? (long)retry.Retries + cap : int.MaxValue;
        if (maxRetries > 0)
        {
            builder.AddRetry(CreateRetry(retry, (int)Math.Min(maxRetries, int.MaxValue), cooldown));
        }

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(CreateBreaker(options.CircuitBreaker, health));
        }

        return builder.Build();
    }

    /// <summary>The per-attempt timeout, around the send and the whole body or stream.</summary>
    public static ResiliencePipeline<AttemptResult> CreateAttemptTimeout(HttpBackendOptions options, TimeProvider timeProvider) =>
        new ResiliencePipelineBuilder<AttemptResult> { Name = "k2verifier-http-attempt", TimeProvider = timeProvider }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout })
            .Build();

    /// <summary>A short description of an outcome, for retry notes and the breaker's message.</summary>
    internal static string Describe(Outcome<AttemptResult> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: { } exception } => exception.GetType().Name,
        { Result.Failure: { } failure } => SseStreamReader.Snippet(failure.Message),
        _ => "no failure",
    };

    private static RetryStrategyOptions<AttemptResult> CreateRetry(RetryOptions retry, int maxRetries, EndpointCooldown cooldown) => new()
    {
        // Each fault kind has its own budget (RequestState); this total only bounds them both.
        MaxRetryAttempts = maxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = retry.UseJitter,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        ShouldHandle = args => ValueTask.FromResult(RequestState.From(args.Context).TryConsumeRetry(Classify(args.Outcome), cooldown.Remaining)),
        DelayGenerator = args => ValueTask.FromResult(cooldown.Remaining > TimeSpan.Zero ? TimeSpan.Zero : ServerRequestedDelay(args.Outcome, retry)),
        OnRetry = args =>
        {
            TimeSpan wait = args.RetryDelay > TimeSpan.Zero ? args.RetryDelay : cooldown.Remaining; // a cool-down is waited at the gate
            RequestState.From(args.Context).NoteRetry(args.AttemptNumber, Describe(args.Outcome), wait);
            return default;
        },
    };

    private static CircuitBreakerStrategyOptions<AttemptResult> CreateBreaker(CircuitBreakerOptions breaker, EndpointHealth health) => new()
    {
        // Open only when every attempt in the window failed: intermittent faults never trip it.
        FailureRatio = 1.0,
        MinimumThroughput = breaker.MinimumThroughput,
        SamplingDuration = breaker.SamplingDuration,
        BreakDuration = breaker.BreakDuration,
        ShouldHandle = args => ValueTask.FromResult(RecordEndpointHealth(args.Outcome, health)),
        OnOpened = _ =>
        {
            health.MarkOpened();
            return default;
        },
    };

    private static AttemptFault Classify(Outcome<AttemptResult> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => AttemptFault.Transient,
        { Exception: not null } => AttemptFault.None, // cancellation, an open breaker: never retried
        { Result: { } result } => result.Fault,
        _ => AttemptFault.None,
    };

    private static TimeSpan? ServerRequestedDelay(Outcome<AttemptResult> outcome, RetryOptions retry)
    {
        if (!retry.HonorRetryAfter || outcome.Result?.RetryAfter is not { } requested)
        {
            return null; // Polly's exponential backoff with jitter, capped at MaxDelay
        }

        return requested < retry.MaxDelay ? requested : retry.MaxDelay;
    }

    private static bool RecordEndpointHealth(Outcome<AttemptResult> outcome, EndpointHealth health)
    {
        switch (outcome)
        {
            case { Exception: TimeoutRejectedException }:
                health.RecordFailure("timeout");
                return true;
            case { Exception: not null }:
                return false; // cancellation says nothing about the endpoint
            case { Result: { CountsAgainstEndpoint: true } result }:
                health.RecordFailure(result.FaultLabel ?? "failure");
                return true;
            default:
                health.RecordSuccess();
                return false;
        }
    }
}
