using System.Text;
using K2Verifier.Backends.Http;
using K2Verifier.Normalization;

namespace K2Verifier.Core.Tests.Normalization;

public sealed class StreamDigestTests
{
    private const string Call = """{"id":"c","model":"m","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"t1","type":"function","function":{"name":"f","arguments":"{\"a\":"}}]}}]}""";
    private const string Rest = """{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"1}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";

    [Theory]
    [InlineData("data: {0}\n\ndata: {1}\n\ndata: [DONE]\n\n")]
    [InlineData("data: {0}\r\rdata: {1}\r\r: keep-alive\r\rdata: [DONE]\r\r")]
    [InlineData("data: {0}\r\n\r\ndata: {1}\r\n\r\ndata: [DONE]\r\n\r\ndata: not json after done\n\n")]
    [InlineData("data: {0}\n\ndata: {1}\n\ndata: [DONE]\n\ndata: {{\"choices\":[{{\"index\":1,\"delta\":{{}}}}]}}")]
    public async Task ReaderDigest_EqualsDigestOfTheRawText(string template)
    {
        // Arrange: the stream as the wire reader reads it (in 7-character reads), and its raw text.
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Call, Rest);
        using var stream = new TrickleStream(Encoding.UTF8.GetBytes(text), 7);
        using var raw = new K2Verifier.Json.PooledBuffer<byte>(16);
        var reader = new SseStreamReader(() => 1, "requested");

        // Act
        await reader.ReadAsync(stream, raw, CancellationToken.None);
        var fromWire = reader.Digest(Encoding.UTF8.GetString(raw.WrittenSpan));
        var fromText = StreamDigest.Read(Encoding.UTF8.GetString(raw.WrittenSpan), "requested");

        // Assert: the events split and parsed on the wire give what normalising the raw body gives.
        Assert.Equal(fromText.ResponseJson, fromWire.ResponseJson);
        Assert.Equal(fromText.Warnings, fromWire.Warnings);
        Assert.Equal(fromText.Facts.Events, fromWire.Facts.Events);
        Assert.Equal(fromText.Facts.Notes, fromWire.Facts.Notes);
        Assert.Equal(fromText.Facts.ChoiceIndexes, fromWire.Facts.ChoiceIndexes);
        Assert.Equal(fromText.Facts with { Notes = [], ChoiceIndexes = [] }, fromWire.Facts with { Notes = [], ChoiceIndexes = [] });
        Assert.Contains("\"arguments\":\"{\\\"a\\\":1}\"", fromWire.ResponseJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LoneCarriageReturns_EndLines()
    {
        Assert.Equal(["a", "b\nc"], SseParser.Events("data: a\r\rdata: b\rdata: c\r"));
    }

    [Fact]
    public void Read_AccumulatesAndReadsFactsFromOnePass()
    {
        var digest = StreamDigest.Read($"data: {Call}\n\ndata: {Rest}\n\n", null);

        Assert.Contains("stream ended without [DONE]", Assert.Single(digest.Warnings), StringComparison.Ordinal);
        Assert.Equal(2, digest.Facts.Events);
        Assert.Equal(2, digest.Facts.FinishChunk);
        Assert.Equal(2, digest.Facts.UsageChunk);
        Assert.Contains("\"finish_reason\":\"tool_calls\"", digest.ResponseJson, StringComparison.Ordinal);
    }

    /// <summary>A stream that returns at most <c>step</c> bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes, int step) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(step, buffer.Length)], cancellationToken);
    }
}
