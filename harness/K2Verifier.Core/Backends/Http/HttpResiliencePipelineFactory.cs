using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace K2Verifier.Backends.Http;

/// <summary>
/// Builds the one pipeline a <see cref="HttpChatBackend"/> uses for its whole run, outermost first:
/// retry (two budgets, <c>Retry-After</c>, capped waits) → circuit breaker (shared by all requests) → per-attempt timeout.
/// </summary>
internal static class HttpResiliencePipelineFactory
{
    public static ResiliencePipeline<AttemptResult> Create(HttpBackendOptions options, EndpointHealth health, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder<AttemptResult> { Name = "k2verifier-http", TimeProvider = timeProvider };
        RetryOptions retry = options.Retry;
        int maxRetries = retry.Retries + retry.RateLimitRetries;
        if (maxRetries > 0)
        {
            builder.AddRetry(CreateRetry(retry, maxRetries));
        }

        if (options.CircuitBreaker.Enabled)
        {
            builder.AddCircuitBreaker(CreateBreaker(options.CircuitBreaker, health));
        }

        builder.AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout });
        return builder.Build();
    }

    /// <summary>A short description of an outcome, for retry notes and the breaker's message.</summary>
    internal static string Describe(Outcome<AttemptResult> outcome) => outcome switch
    {
        { Exception: TimeoutRejectedException } => "timeout",
        { Exception: { } exception } => exception.GetType().Name,
        { Result.Failure: { } failure } => SseStreamReader.Snippet(failure.Message),
        _ => "no failure",
    };

    private static RetryStrategyOptions<AttemptResult> CreateRetry(RetryOptions retry, int maxRetries) => new()
    {
        // Each fault kind has its own budget (RequestState); this total only bounds them both.
        MaxRetryAttempts = maxRetries,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = retry.UseJitter,
        Delay = retry.BaseDelay,
        MaxDelay = retry.MaxDelay,
        ShouldHandle = args => ValueTask.FromResult(RequestState.From(args.Context).TryConsumeRetry(Classify(args.Outcome))),
        DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, retry)),
        OnRetry = args =>
        {
            RequestState.From(args.Context).NoteRetry(args.AttemptNumber, Describe(args.Outcome), args.RetryDelay);
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
