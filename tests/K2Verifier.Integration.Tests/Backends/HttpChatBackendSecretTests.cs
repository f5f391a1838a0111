using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>The API key goes into the Authorization header and nowhere else.</summary>
public sealed class HttpChatBackendSecretTests
{
    private const string ApiKey = "sk-test-K2V-0123456789abcdef";

    private static readonly Func<HttpBackendOptions, HttpBackendOptions> WithKey = o => o with { ApiKey = ApiKey };

    [Fact]
    public async Task SendAsync_ApiKey_SentAsBearerToken()
    {
        await using var harness = await BackendHarness.StartAsync(WithKey);

        await harness.SendAsync("hi");

        Assert.Equal($"Bearer {ApiKey}", Assert.Single(harness.Server.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_NoApiKey_SendsDocumentedPlaceholder()
    {
        await using var harness = await BackendHarness.StartAsync();

        await harness.SendAsync("hi");

        Assert.Equal("Bearer " + HttpBackendOptions.PlaceholderApiKey, Assert.Single(harness.Server.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_VendorEchoesKeyInErrorsAndStream_KeyAppearsInNoMessageWarningOrErrorBody()
    {
        await using var harness = await BackendHarness.StartAsync(WithKey);
        harness.Server.Script("echo-error", FakeReplies.Status(401, $$$"""{"error":{"message":"Incorrect API key provided: {{{ApiKey}}}"}}"""));
        harness.Server.Script("echo-stream", new FakeBehavior("echo-in-stream", async (request, context, ct) =>
        {
            await FakeSse.StartAsync(context, ct);
            await FakeSse.DataAsync(context, $"not json, key {ApiKey}", ct);
            await FakeSse.DataAsync(context, $$$"""{"error":{"message":"key {{{ApiKey}}} is throttled"}}""", ct);
        }));

        BackendResponse error = await harness.SendAsync("echo-error");
        BackendResponse stream = await harness.SendAsync("echo-stream", stream: true);

        Assert.Equal(BackendFailureCategory.Authentication, error.Failure?.Category);
        Assert.Equal(BackendFailureCategory.TruncatedStream, stream.Failure?.Category);
        Assert.DoesNotContain(ApiKey, error.Failure!.Message);
        Assert.DoesNotContain(ApiKey, error.Body);
        Assert.Contains("[REDACTED]", error.Failure.Message);
        Assert.DoesNotContain(ApiKey, stream.Failure!.Message);
        Assert.NotEmpty(stream.Warnings);
        Assert.All(error.Warnings.Concat(stream.Warnings), w => Assert.DoesNotContain(ApiKey, w));
    }

    [Fact]
    public async Task SendAsync_DeadEndpointWithKey_ExceptionMessageHasNoKey()
    {
        using var backend = TestBackends.Refused(WithKey);
        using var deadline = TestBackends.Deadline();

        EndpointUnavailableException? unavailable = null;
        for (int i = 0; i < 30 && unavailable is null; i++)
        {
            try
            {
                BackendResponse response = await backend.SendAsync(FakeVendorRequests.Chat("x"), deadline.Token);
                Assert.DoesNotContain(ApiKey, response.Failure!.Message);
            }
            catch (EndpointUnavailableException exception)
            {
                unavailable = exception;
            }
        }

        Assert.NotNull(unavailable);
        Assert.DoesNotContain(ApiKey, unavailable.ToString());
    }

    [Fact]
    public void OptionsToString_WithKey_HidesIt()
    {
        var options = new HttpBackendOptions { BaseUrl = new Uri("http://127.0.0.1:1/v1"), ApiKey = ApiKey };

        Assert.DoesNotContain(ApiKey, options.ToString());
        Assert.Contains("ApiKey = ***", options.ToString());
    }
}
