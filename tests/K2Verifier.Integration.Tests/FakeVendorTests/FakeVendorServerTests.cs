using System.Net;
using System.Text;
using System.Text.Json;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.FakeVendorTests;

/// <summary>The fake vendor itself: keys, recording, determinism (through a plain HttpClient).</summary>
public sealed class FakeVendorServerTests
{
    [Theory]
    [InlineData("""{"k2v_script":"by-field","messages":[{"role":"user","content":"ignored"}]}""", "by-field")]
    [InlineData("""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"last"}]}""", "last")]
    [InlineData("""{"messages":[{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}]}""", "ab")]
    [InlineData("""{"prompt":"raw prompt"}""", "raw prompt")]
    [InlineData("""{"model":"m"}""", "")]
    public void KeyOf_Body_FollowsDocumentedOrder(string body, string expected)
    {
        using var document = JsonDocument.Parse(body);

        Assert.Equal(expected, FakeRequest.KeyOf(document.RootElement));
    }

    [Fact]
    public async Task Requests_AreRecordedWithHeadersAndAttemptPerKey()
    {
        await using var server = await FakeVendorServer.StartAsync();
        server.Script("k", FakeReplies.Sequence(FakeReplies.ServerError(), FakeReplies.Stop()));
        using var client = new HttpClient();
        using var deadline = TestBackends.Deadline();

        HttpStatusCode first = await PostAsync(client, server, """{"k2v_script":"k"}""", deadline.Token);
        HttpStatusCode second = await PostAsync(client, server, """{"k2v_script":"k"}""", deadline.Token);

        Assert.Equal(HttpStatusCode.InternalServerError, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal([1, 2], server.RequestsFor("k").Select(r => r.AttemptForKey));
        Assert.Equal("Bearer t", server.Requests[0].Authorization);
        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
    }

    [Fact]
    public async Task Post_NonJsonBody_Gets400()
    {
        await using var server = await FakeVendorServer.StartAsync();
        using var client = new HttpClient();
        using var deadline = TestBackends.Deadline();

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(client, server, "nope", deadline.Token));
    }

    [Fact]
    public async Task RandomFaults_SameSeed_SameOutcomesPerKeyAndAttempt()
    {
        static async Task<string> RunAsync(int seed)
        {
            await using var server = await FakeVendorServer.StartAsync();
            server.Fallback = FakeReplies.RandomFaults(seed, faultRate: 0.5);
            server.Script("never-used", FakeReplies.Stop());
            using var client = new HttpClient();
            using var deadline = TestBackends.Deadline();
            var outcomes = new StringBuilder();
            for (int i = 0; i < 40; i++)
            {
                try
                {
                    outcomes.Append((int)await PostAsync(client, server, $$"""{"k2v_script":"case {{i % 10}}"}""", deadline.Token)).Append(',');
                }
                catch (HttpRequestException)
                {
                    outcomes.Append("reset,");
                }
            }

            return outcomes.ToString();
        }

        string a = await RunAsync(7);
        string b = await RunAsync(7);
        string c = await RunAsync(8);

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Contains("200", a);
        Assert.Matches("500|502|503|429|reset", a);
    }

    [Fact]
    public void Split_Text_IntoNonEmptyPiecesThatJoinBack()
    {
        IReadOnlyList<string> pieces = FakeWire.Split("""{"city": "Paris"}""", 3);

        Assert.Equal(3, pieces.Count);
        Assert.Equal("""{"city": "Paris"}""", string.Concat(pieces));
        Assert.Empty(FakeWire.Split(string.Empty, 3));
    }

    private static async Task<HttpStatusCode> PostAsync(HttpClient client, FakeVendorServer server, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/chat/completions")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "t");
        using HttpResponseMessage response = await client.SendAsync(request, ct);
        return response.StatusCode;
    }
}
