using System.Text.Json;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.LocalEngine.Tests.TestSupport;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Normalization;

namespace K2Verifier.LocalEngine.Tests.Serving;

/// <summary>The local engine streams tool-call arguments in deltas, and a stream accumulates to the non-streamed body.</summary>
public sealed class StreamDeltaTests
{
    public static TheoryData<string> FormatNames() => [.. ToolCallFormatRegistry.Names];

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Stream_GeneratedCalls_AccumulatesToTheBodyWithArgumentDeltas(string formatName)
    {
        var format = ToolCallFormatRegistry.Get(formatName);
        var random = new Random(23);
        for (var i = 0; i < 100; i++)
        {
            // Arrange: content (not for Llama, whose calls leave none), calls, pieces of 1-6 characters.
            var prefix = format is Llama3JsonToolCallFormat ? string.Empty : "Let me check.\n";
            var text = prefix + format.Render(ToolCallGenerator.Calls(random));
            var completion = Completion(text, random);

            // Act
            var (sse, _) = ChatCompletionShaper.Stream(completion, format);
            var streamed = ResponseNormalizer.Normalize(sse, isStream: true);
            var whole = ResponseNormalizer.Normalize(ChatCompletionShaper.Body(completion, format), isStream: false);

            // Assert
            Assert.Equal("tool_calls", whole.FinishReason);
            Assert.Equal(whole.FinishReason, streamed.FinishReason);
            Assert.Equal(whole.Content ?? string.Empty, streamed.Content ?? string.Empty);
            Assert.Equal(Calls(whole), Calls(streamed));
            Assert.Empty(streamed.Warnings);
            // Pieces hold at most 6 characters, so a call's arguments take at least ceil(length / 6) deltas.
            var argumentDeltas = ToolCallDeltas(sse).Count(d => !d.TryGetProperty("id", out _));
            var least = Calls(streamed).Sum(c => (c.Arguments.Length + 5) / 6);
            Assert.True(argumentDeltas >= least, $"{argumentDeltas} argument deltas, at least {least} expected: arguments were not streamed in pieces");
        }
    }

    [Fact]
    public void Stream_FirstChunkOfACall_CarriesIdNameAndEmptyArguments()
    {
        var text = KimiK2ToolCallFormat.Instance.Render([new ParsedToolCall("functions.search:0", "search", "{\"query\": \"weather in Paris\"}")]);
        var completion = Completion(text, new Random(1));

        var deltas = ToolCallDeltas(ChatCompletionShaper.Stream(completion, KimiK2ToolCallFormat.Instance).Sse);

        Assert.Equal("functions.search:0", deltas[0].GetProperty("id").GetString());
        Assert.Equal("search", deltas[0].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(string.Empty, deltas[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.All(deltas.Skip(1), d => Assert.False(d.TryGetProperty("id", out _)));
        Assert.Equal("{\"query\": \"weather in Paris\"}", string.Concat(deltas.Skip(1).Select(d => d.GetProperty("function").GetProperty("arguments").GetString())));
    }

    private static List<(string? Id, string? Name, string Arguments)> Calls(NormalizedResponse response) =>
        [.. (response.ToolCalls ?? []).Select(c => (c.Id, c.Name, c.Arguments?.ToString() ?? string.Empty))];

    private static List<JsonElement> ToolCallDeltas(string sse) =>
        [.. sse.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Where(e => e != "data: [DONE]")
            .Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement)
            .SelectMany(c => c.GetProperty("choices").EnumerateArray())
            .Where(c => c.GetProperty("delta").TryGetProperty("tool_calls", out _))
            .SelectMany(c => c.GetProperty("delta").GetProperty("tool_calls").EnumerateArray())];

    private static GeneratedCompletion Completion(string text, Random random)
    {
        var pieces = new List<GeneratedPiece>();
        for (var position = 0; position < text.Length;)
        {
            var length = Math.Min(random.Next(1, 7), text.Length - position);
            pieces.Add(new GeneratedPiece(text.Substring(position, length), TimeSpan.FromMilliseconds(pieces.Count)));
            position += length;
        }

        return new GeneratedCompletion
        {
            Id = "chatcmpl-delta",
            Created = 1,
            Model = "m",
            Text = text,
            Pieces = pieces,
            HitLength = false,
            PromptTokens = 1,
            CompletionTokens = pieces.Count,
        };
    }
}
