using System.Text;
using K2Verifier.Backends.Http;

namespace K2Verifier.Core.Tests.Backends;

public sealed class SseStreamReaderTests
{
    private const string ContentChunk = """{"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}]}""";
    private const string FinishChunk = """{"choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""";

    [Fact]
    public void Append_CompleteStream_SeesDoneFinishReasonAndFirstToken()
    {
        var reader = new SseStreamReader(() => 42);

        bool done = reader.Append(Utf8($"data: {ContentChunk}\n\ndata: {FinishChunk}\n\ndata: [DONE]\n\n"));

        Assert.True(done);
        Assert.True(reader.SawDone);
        Assert.Equal("stop", reader.FinishReason);
        Assert.Equal(42, reader.TimeToFirstTokenMs);
        Assert.Equal(3, reader.Events);
        Assert.Empty(reader.Warnings());
    }

    [Fact]
    public void Append_EventSplitAcrossChunksWithCrLf_IsReassembled()
    {
        var reader = new SseStreamReader(() => 1);
        string text = $"data: {FinishChunk}\r\n\r\ndata: [DONE]\r\n\r\n";

        foreach (char c in text)
        {
            reader.Append(Utf8(c.ToString()));
        }

        Assert.True(reader.SawDone);
        Assert.Equal("stop", reader.FinishReason);
    }

    [Theory]
    [InlineData("""{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}""", false)]
    [InlineData("""{"choices":[{"index":0,"delta":{"reasoning_content":"hm"}}]}""", true)]
    [InlineData("""{"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":""}}]}}]}""", true)]
    [InlineData("""{"choices":[{"index":0,"delta":{"tool_calls":[]}}]}""", false)]
    [InlineData("""{"choices":[{"index":0,"text":"raw"}]}""", true)]
    [InlineData("""{"choices":[],"usage":{"total_tokens":3}}""", false)]
    public void Append_Event_SetsTimeToFirstTokenOnlyForTokens(string payload, bool carriesToken)
    {
        var reader = new SseStreamReader(() => 7);

        reader.Append(Utf8($"data: {payload}\n\n"));

        Assert.Equal(carriesToken, reader.TimeToFirstTokenMs is not null);
    }

    [Fact]
    public void Append_CommentsEventLinesAndNonJson_AreToleratedAndWarned()
    {
        var reader = new SseStreamReader(() => 1);

        reader.Append(Utf8(": ping\n\nevent: message\ndata: oops\n\nid: 3\nretry: 10\ndata: [1,2]\n\n"));
        reader.Complete();

        IReadOnlyList<string> warnings = reader.Warnings();
        Assert.Equal(3, warnings.Count);
        Assert.Contains("1 SSE comment line(s)", warnings[0]);
        Assert.Contains("(message)", warnings[1]);
        Assert.Contains("2 data event(s) that are not a JSON object", warnings[2]);
        Assert.Contains("first: oops", warnings[2]);
    }

    [Fact]
    public void Complete_LastEventWithoutBlankLine_IsStillDispatched()
    {
        var reader = new SseStreamReader(() => 1);

        reader.Append(Utf8($"data: {FinishChunk}"));
        reader.Complete();

        Assert.Equal("stop", reader.FinishReason);
        Assert.False(reader.SawDone);
    }

    [Fact]
    public void Append_MultiLineData_JoinedWithNewline()
    {
        var reader = new SseStreamReader(() => 1);

        reader.Append(Utf8("data: {\"choices\":\ndata: [{\"finish_reason\":\"length\"}]}\n\n"));

        Assert.Equal("length", reader.FinishReason);
    }

    [Fact]
    public void Append_ErrorObjectInStream_IsWarned()
    {
        var reader = new SseStreamReader(() => 1);

        reader.Append(Utf8("data: {\"error\":{\"message\":\"overloaded\"}}\n\n"));

        Assert.Contains("overloaded", Assert.Single(reader.Warnings()));
    }

    [Fact]
    public async Task ReadAsync_StopsAtDoneAndKeepsTextVerbatim()
    {
        string text = $"data: {ContentChunk}\r\n\r\n: ka\n\ndata: [DONE]\n\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        using var raw = new K2Verifier.Json.PooledBuffer<byte>(16);
        var reader = new SseStreamReader(() => 5);

        await reader.ReadAsync(stream, raw, CancellationToken.None);

        Assert.Equal(text, Encoding.UTF8.GetString(raw.WrittenSpan));
        Assert.True(reader.SawDone);
    }
    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 4096)]
    [InlineData(true, 1)]
    [InlineData(true, 2)]
    [InlineData(true, 4096)]
    public async Task ReadAsync_BytesInAnyPieces_TextAsSentWithoutByteOrderMark(bool byteOrderMark, int piece)
    {
        // Arrange: multi-byte characters (é, ☃, an emoji) that pieces of 1 or 2 bytes split.
        string text = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"café ☃ 😀\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        byte[] body = [.. (byteOrderMark ? new byte[] { 0xEF, 0xBB, 0xBF } : []), .. Encoding.UTF8.GetBytes(text)];
        var reader = new SseStreamReader(() => 1);
        using var raw = new K2Verifier.Json.PooledBuffer<byte>(16);

        // Act
        await reader.ReadAsync(new PieceStream(body, piece), raw, CancellationToken.None);

        // Assert
        Assert.Equal(text, Encoding.UTF8.GetString(raw.WrittenSpan));
        Assert.True(reader.SawDone);
        Assert.Equal("stop", reader.FinishReason);
        Assert.Equal(2, reader.Events);
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB })]
    [InlineData(new byte[] { 0xEF, (byte)'d' })]
    [InlineData(new byte[] { 0xC3 })]
    public async Task ReadAsync_StreamEndingInsideACharacter_EndsWithAReplacementCharacter(byte[] body)
    {
        using var raw = new K2Verifier.Json.PooledBuffer<byte>(16);

        await new SseStreamReader(() => 1).ReadAsync(new PieceStream(body, 1), raw, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetString(body), Encoding.UTF8.GetString(raw.WrittenSpan));
    }

    [Fact]
    public void Append_ChunkReusedBeforeTheEventEnds_EventKeptIntact()
    {
        // Arrange: one buffer the caller fills with each chunk in turn; the event's data line ends in the first chunk and
        // its blank line comes in the second, after the buffer was overwritten.
        var reader = new SseStreamReader(() => 1);
        var buffer = new byte[128];
        var first = Encoding.UTF8.GetBytes($"data: {FinishChunk}\n");

        // Act
        first.CopyTo(buffer, 0);
        reader.Append(buffer.AsMemory(0, first.Length));
        Array.Fill(buffer, (byte)'x');
        buffer[0] = (byte)'\n';
        reader.Append(buffer.AsMemory(0, 1));

        // Assert
        Assert.Equal("stop", reader.FinishReason);
        Assert.Equal(1, reader.Events);
        Assert.Empty(reader.Warnings());
    }

    [Fact]
    public void Append_InvalidUtf8InsideAString_ReadAsItsReplacementText()
    {
        // Arrange: a content delta whose string holds a byte that is not UTF-8 (the text decoding makes it U+FFFD).
        byte[] chunk = [.. "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a"u8, 0xFF, .. "\"},\"finish_reason\":\"stop\"}]}\n\n"u8];
        var reader = new SseStreamReader(() => 1);

        // Act
        reader.Append(chunk);
        var digest = reader.Digest(Encoding.UTF8.GetString(chunk));

        // Assert: parsed, not reported as non-JSON, and the content is the decoded text.
        Assert.Equal("stop", reader.FinishReason);
        Assert.Empty(reader.Warnings());
        Assert.Contains("\"content\":\"a\uFFFD\"", digest.ResponseJson, StringComparison.Ordinal);
    }

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>A stream that returns at most <c>piece</c> bytes per read.</summary>
    private sealed class PieceStream(byte[] data, int piece) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(piece, buffer.Length)], cancellationToken);
    }
}
