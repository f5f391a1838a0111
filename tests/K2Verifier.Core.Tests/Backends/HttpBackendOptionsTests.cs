using K2Verifier.Backends;

namespace K2Verifier.Core.Tests.Backends;

public sealed class HttpBackendOptionsTests
{
    private static readonly Uri BaseUrl = new("http://127.0.0.1:8000/v1");

    [Fact]
    public void Defaults_MatchK2vvAndAreValid()
    {
        var options = new HttpBackendOptions { BaseUrl = BaseUrl };

        Assert.Empty(options.Validate());
        Assert.Equal(TimeSpan.FromSeconds(600), options.Timeout);
        Assert.Equal(3, options.Retry.Retries);
        Assert.Null(options.Retry.RateLimitRetries);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Retry.MaxDelay);
        Assert.Equal(20, options.CircuitBreaker.MinimumThroughput);
        Assert.False(options.UseRawCompletions);
        Assert.Equal(HttpBackendOptions.PlaceholderApiKey, options.EffectiveApiKey);
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEveryOne()
    {
        var options = new HttpBackendOptions
        {
            BaseUrl = new Uri("file:///tmp/x"),
            Timeout = TimeSpan.FromDays(2),
            ConnectTimeout = TimeSpan.Zero,
            Retry = new RetryOptions { Retries = 101, RateLimitRetries = -1, BaseDelay = TimeSpan.FromSeconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
            CircuitBreaker = new CircuitBreakerOptions { MinimumThroughput = 1 },
        };

        Assert.Equal(7, options.Validate().Count);
    }

    [Fact]
    public void ToString_WithApiKey_MasksIt()
    {
        var options = new HttpBackendOptions { BaseUrl = BaseUrl, ApiKey = "sk-very-secret" };

        Assert.DoesNotContain("sk-very-secret", options.ToString());
        Assert.Contains("ApiKey = ***", options.ToString());
        Assert.Contains("ApiKey = (none)", (options with { ApiKey = null }).ToString());
    }
}
