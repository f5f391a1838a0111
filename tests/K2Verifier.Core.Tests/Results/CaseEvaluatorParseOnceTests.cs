using K2Verifier.Backends;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Dataset;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Results;

namespace K2Verifier.Core.Tests.Results;

public sealed class CaseEvaluatorParseOnceTests
{
    private const string Line = """{"messages":[{"role":"user","content":"hi"}],"stream":true}""";
    private const string Sse = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"wire\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

    [Fact]
    public void FromBackend_StreamDigestForTheBody_IsUsedWithoutReadingTheBodyAgain()
    {
        // Arrange: a digest whose accumulated response differs from the body's, so the row shows which one was read.
        var request = Prepare();
        var digest = StreamDigest.Read(Sse.Replace("wire", "digest", StringComparison.Ordinal), null) with { Body = Sse };
        var response = new BackendResponse { StatusCode = 200, Body = Sse, IsStream = true, Stream = digest };

        // Act
        var row = new CaseEvaluator(new FakeSchemaValidator()).FromBackend(request, response, "t");

        // Assert
        Assert.Contains("\"content\":\"digest\"", row.ResponseJson, StringComparison.Ordinal);
        Assert.Equal(digest.Facts, row.Stream);
    }

    [Fact]
    public void FromBackend_StreamDigestOfAnotherBody_IsIgnored()
    {
        var request = Prepare();
        var stale = StreamDigest.Read(Sse.Replace("wire", "stale", StringComparison.Ordinal), null);
        var response = new BackendResponse { StatusCode = 200, Body = Sse, IsStream = true, Stream = stale };

        var row = new CaseEvaluator(new FakeSchemaValidator()).FromBackend(request, response, "t");

        Assert.Contains("\"content\":\"wire\"", row.ResponseJson, StringComparison.Ordinal);
        Assert.Equal(2, row.Stream!.Events);
    }

    [Fact]
    public void FromBackend_Body_UsageCarriedForTelemetry()
    {
        var row = new CaseEvaluator(new FakeSchemaValidator()).FromBackend(Prepare() with { Stream = false }, FakeBackend.Stop(), "t");

        Assert.Equal(new TokenUsage(3, 1, 4), row.Usage);
    }

    private static PreparedRequest Prepare() =>
        new RequestPreparer(new PreparationOptions()).Prepare(DatasetReader.Parse(new SourceLocation("d", 1), Line));
}
