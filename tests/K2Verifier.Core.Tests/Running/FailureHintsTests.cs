using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Core.Tests.Running;

public sealed class FailureHintsTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8000", "404 at http://127.0.0.1:8000/chat/completions: does --base-url end in /v1?")]
    [InlineData("http://127.0.0.1:8000/v1/chat/completions", "--base-url already ends in /chat/completions; give the base only, e.g. http://127.0.0.1:8000/v1")]
    [InlineData("http://127.0.0.1:8000/v1", "404 at http://127.0.0.1:8000/v1/chat/completions: is the path right, and does the server serve --model?")]
    public void Describe_NotFound_PointsAtTheBaseUrl(string baseUrl, string expected) =>
        Assert.Contains(expected, FailureHints.Describe(new FailureKind("not_found", 404, 20, "HTTP 404 Not Found: "), new Uri(baseUrl)), StringComparison.Ordinal);

    [Fact]
    public void Describe_HtmlPage_AsksAboutAProxyOrLoginPage()
    {
        var kind = new FailureKind("malformed_json", 200, 4, "HTTP 200 body is not a JSON object: <!DOCTYPE html><html>Sign in");

        var hint = FailureHints.Describe(kind, new Uri("http://proxy.example/v1"));

        Assert.StartsWith("200 with an HTML body at http://proxy.example/v1/chat/completions: a proxy or login page?", hint, StringComparison.Ordinal);
        Assert.EndsWith("(4 × malformed_json; first: HTTP 200 body is not a JSON object: <!DOCTYPE html><html>Sign in)", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Tally_Dominant_IsTheMostFrequentKind()
    {
        var tally = new FailureTally();
        tally.Record(Failed(1, "connection", null));
        tally.Record(Failed(2, "invalid_parameter", 400));
        tally.Record(Failed(3, "invalid_parameter", 400));
        tally.Record(TestData.Row(4));

        Assert.Equal(new FailureKind("invalid_parameter", 400, 2, "m2"), tally.Dominant);
        Assert.Equal((1, 3), (tally.Succeeded, tally.Failed));
    }

    private static CaseResult Failed(int index, string category, int? status) =>
        TestData.Row(index, status: CaseStatus.Failed) with { Error = new CaseError(category, $"m{index}", status) };
}
