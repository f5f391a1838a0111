namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// Sits in front of the transport and reads every reply's status and headers before the SDK sees them: a reply that
/// asks to wait pauses the whole endpoint (<see cref="EndpointCooldown"/>); a 429 (or 503 with <c>Retry-After</c>)
/// lowers the adaptive concurrency and any other answer raises it.
/// </summary>
internal sealed class RateLimitSignalHandler(
    HttpMessageHandler inner, EndpointCooldown cooldown, AdaptiveConcurrencyLimiter? limiter, TimeProvider time) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        long sentAt = time.GetTimestamp();
        HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (RateLimitHeaders.Pause(response, time.GetUtcNow()) is { } pause)
        {
            cooldown.PauseFor(pause);
        }

        if (RateLimitHeaders.IsOverload(response))
        {
            limiter?.OnOverload(sentAt);
        }
        else if ((int)response.StatusCode < 500)
        {
            limiter?.OnSuccess();
        }

        return response;
    }
}
