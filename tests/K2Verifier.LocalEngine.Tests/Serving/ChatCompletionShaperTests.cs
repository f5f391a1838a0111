using System.Text.Json;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Normalization;

namespace K2Verifier.LocalEngine.Tests.Serving;

public sealed class ChatCompletionShaperTests
{
    private const string Call = "<tool_call>{\"name\": \"get_weather\", \"arguments\": {\"city\": \"Paris\"}}</tool_call>";

    private static readonly IToolCallFormat Hermes = ToolCallFormatRegistry.Get("hermes");

    [Fact]
    public void Body_TextWithACall_IsToolCallsWithArgumentsUsageAndRawText()
    {
        var completion = Completion("Sure. " + Call, hitLength: false);

        using var body = JsonDocument.Parse(ChatCompletionShaper.Body(completion, Hermes));

        var root = body.RootElement;
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        Assert.Equal("Sure. ", choice.GetProperty("message").GetProperty("content").GetString());
        var function = choice.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal("get_weather", function.GetProperty("name").GetString());
        Assert.Equal("{\"city\": \"Paris\"}", function.GetProperty("arguments").GetString());
        Assert.Equal(12, root.GetProperty("usage").GetProperty("prompt_tokens").GetInt32());
        Assert.Equal(30, root.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(42, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal("Sure. " + Call, root.GetProperty("raw_completion_text").GetString());
        Assert.Equal("tiny", root.GetProperty("model").GetString());
    }

    [Theory]
    [InlineData("just text", false, "stop")]
    [InlineData("just text", true, "length")]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"argum", false, "stop")]
    [InlineData("<tool_call>{\"name\": \"get_weather\", \"argum", true, "length")]
    public void Body_NoCompleteCall_KeepsTheEnginesReasonWithTheWholeText(string text, bool hitLength, string expected)
    {
        using var body = JsonDocument.Parse(ChatCompletionShaper.Body(Completion(text, hitLength), Hermes));

        var choice = body.RootElement.GetProperty("choices")[0];
        Assert.Equal(expected, choice.GetProperty("finish_reason").GetString());
        Assert.Equal(text, choice.GetProperty("message").GetProperty("content").GetString());
        Assert.False(choice.GetProperty("message").TryGetProperty("tool_calls", out _));
    }

    [Fact]
    public void Stream_PiecesOfACall_NormalizesToTheSameCallAsTheBody()
    {
        var completion = Completion("Sure. " + Call, hitLength: false, pieceLength: 3);

        var (sse, firstDelta) = ChatCompletionShaper.Stream(completion, Hermes);
        var streamed = ResponseNormalizer.Normalize(sse, isStream: true);
        var whole = ResponseNormalizer.Normalize(ChatCompletionShaper.Body(completion, Hermes), isStream: false);

        Assert.Equal("tool_calls", streamed.FinishReason);
        Assert.Equal(whole.FinishReason, streamed.FinishReason);
        Assert.Equal("Sure. ", streamed.Content);
        var call = Assert.Single(streamed.ToolCalls!);
        Assert.Equal("get_weather", call.Name);
        Assert.Equal(whole.ToolCalls![0].Arguments.ToString(), call.Arguments.ToString());
        Assert.Equal(new TokenUsage(12, 30, 42), streamed.Usage);
        Assert.Empty(streamed.Warnings);
        // "Sur" is content as soon as it arrives: the first piece (1 ms).
        Assert.Equal(TimeSpan.FromMilliseconds(1), firstDelta);
    }

    [Fact]
    public void Stream_PlainText_SendsOneContentDeltaPerPieceThenFinishUsageAndDone()
    {
        var completion = Completion("abcdefghi", hitLength: true, pieceLength: 3);

        var (sse, firstDelta) = ChatCompletionShaper.Stream(completion, Hermes);

        var events = sse.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToArray();
        var contents = chunks.SelectMany(c => c.GetProperty("choices").EnumerateArray())
            .Select(c => c.GetProperty("delta").TryGetProperty("content", out var content) ? content.GetString() : null)
            .OfType<string>()
            .Where(c => c.Length > 0)
            .ToArray();
        Assert.Equal(["abc", "def", "ghi"], contents);
        Assert.Equal("length", chunks[^2].GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
        Assert.Equal(42, chunks[^1].GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Equal(TimeSpan.FromMilliseconds(1), firstDelta);
        Assert.Equal("abcdefghi", ResponseNormalizer.Normalize(sse, isStream: true).Content);
    }

    [Fact]
    public void Stream_TextEndingInAPossibleMarker_ReleasesTheHeldBackTextAsContent()
    {
        var completion = Completion("see <tool_c", hitLength: false, pieceLength: 4);

        var (sse, _) = ChatCompletionShaper.Stream(completion, Hermes);
        var streamed = ResponseNormalizer.Normalize(sse, isStream: true);

        // An unfinished marker is not a call: the text is content and the completion stopped.
        Assert.Equal("see <tool_c", streamed.Content);
        Assert.Equal("stop", streamed.FinishReason);
    }

    [Fact]
    public void Stream_NoPieces_HasNoFirstDeltaAndStops()
    {
        var (sse, firstDelta) = ChatCompletionShaper.Stream(Completion(string.Empty, hitLength: false, pieceLength: 0), Hermes);

        Assert.Null(firstDelta);
        Assert.Equal("stop", ResponseNormalizer.Normalize(sse, isStream: true).FinishReason);
    }

    private static GeneratedCompletion Completion(string text, bool hitLength, int pieceLength = 0) => new()
    {
        Id = "chatcmpl-local-1",
        Created = 1_700_000_000,
        Model = "tiny",
        Text = text,
        Pieces = pieceLength == 0 ? [] : [.. text.Chunk(pieceLength).Select((c, i) => new GeneratedPiece(new string(c), TimeSpan.FromMilliseconds(i + 1)))],
        HitLength = hitLength,
        PromptTokens = 12,
        CompletionTokens = 30,
    };
}
