using K2Verifier.Backends;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Backends;

/// <summary>The API key goes into the Authorization header and nowhere else.</summary>
public sealed class HttpChatBackendSecretTests
{
    private const string ApiKey = "sk-test-K2V-0123456789abcdef";

    [Fact]
    public async Task SendAsync_ApiKey_SentAsBearerToken()
    {
        await using var server = await FakeVendorServer.StartAsync();
        using var backend = TestBackends.For(server, o => o with { ApiKey = ApiKey });
        using var deadline = TestBackends.Deadline();

        await backend.SendAsync(FakeVendorRequests.Chat("hi"), deadline.Token);

        Assert.Equal($"Bearer {ApiKey}", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_NoApiKey_SendsDocumentedPlaceholder()
    {
        await using var server = await FakeVendorServer.StartAsync();
        using var backend = TestBackends.For(server);
        using var deadline = TestBackends.Deadline();

        await backend.SendAsync(FakeVendorRequests.Chat("hi"), deadline.Token);

        Assert.Equal("Bearer " + HttpBackendOptions.PlaceholderApiKey, Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public async Task SendAsync_VendorEchoesKeyInErrorsAndStream_KeyAppearsInNoMessageWarningOrErrorBody()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("echo-error", FakeReplies.Status(401, $$$"""{"error":{"message":"Incorrect API key provided: {{{ApiKey}}}"}}"""));
        server.Script("echo-stream", new FakeBehavior("echo-in-stream", async (request, context, ct) =>
        {
            await FakeSse.StartAsync(context, ct);
            await FakeSse.DataAsync(context, $"not json, key {ApiKey}", ct);
            await FakeSse.DataAsync(context, $$$"""{"error":{"message":"key {{{ApiKey}}} is throttled"}}""", ct);
        }));
        using var backend = TestBackends.For(server, o => o with { ApiKey = ApiKey });
        using var deadline = TestBackends.Deadline();

        BackendResponse error = await backend.SendAsync(FakeVendorRequests.Chat("echo-error"), deadline.Token);
        BackendResponse stream = await backend.SendAsync(FakeVendorRequests.Chat("echo-stream", stream: true), deadline.Token);

        Assert.Equal(BackendFailureCategory.HttpStatus, error.Failure?.Category);
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
        var options = TestBackends.Options(new Uri($"http://127.0.0.1:{TestBackends.ClosedPort()}/v1")) with { ApiKey = ApiKey };
        using var backend = new HttpChatBackend(options);
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
