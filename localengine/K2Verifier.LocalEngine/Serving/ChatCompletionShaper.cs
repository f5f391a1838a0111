using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Serving;

/// <summary>
/// The parse step of an in-process deployment: a <see cref="GeneratedCompletion"/> split by a tool-call format
/// (lenient) into content and tool calls, and written as the body an OpenAI-compatible server sends, a
/// <c>chat.completion</c> (<see cref="Body"/>) or the SSE text of a stream (<see cref="Stream"/>).
/// <para>
/// finish_reason and content follow <see cref="FinishReasonRule"/> with the engine's own reason (<c>length</c> when
/// generation hit its token limit, else <c>stop</c>), as <see cref="RawCompletions.RawCompletionsBackend"/> does.
/// </para>
/// </summary>
public static class ChatCompletionShaper
{
    /// <summary>The content, calls and finish_reason of <paramref name="text"/>.</summary>
    public static (string? Content, IReadOnlyList<ParsedToolCall> Calls, string FinishReason) Parse(string text, IToolCallFormat format, bool hitLength) =>
        ServerResponse.Parse(text, format, ParseMode.Lenient, hitLength);

    /// <summary>The parse of <paramref name="completion"/> by <see cref="FinishReasonRule"/> (the engine's reason: length or stop).</summary>
    public static ParsedCompletion Apply(GeneratedCompletion completion, IToolCallFormat format)
    {
        ArgumentNullException.ThrowIfNull(completion);
        return FinishReasonRule.Apply(completion.Text, format, ParseMode.Lenient, completion.HitLength ? "length" : "stop");
    }

    /// <summary>
    /// The <c>chat.completion</c> body, with the generated text kept as <c>raw_completion_text</c> (as the
    /// raw-completions mode keeps it).
    /// </summary>
    public static string Body(GeneratedCompletion completion, IToolCallFormat format)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var (content, calls, finishReason) = Parse(completion.Text, format, completion.HitLength);
        var body = JsonNode.Parse(ServerResponse.ChatCompletion(
            completion.Id, completion.Created, completion.Model, content, calls, finishReason, completion.PromptTokens, completion.CompletionTokens))!.AsObject();
        body["raw_completion_text"] = completion.Text;
        return body.ToJsonString();
    }

    /// <summary>
    /// The SSE text of the completion streamed token by token, as a vendor streams it: a role chunk; content deltas
    /// as the pieces cover the content; per tool call a chunk with its index, id and name, then its arguments in
    /// deltas as the pieces cover them (<see cref="StreamDeltaWriter"/>); the finish chunk; the usage chunk (top-level
    /// <c>usage</c>, as with <c>stream_options.include_usage</c>); <c>[DONE]</c>. The accumulated stream equals
    /// <see cref="Body"/>. Also returns the elapsed time of the piece that produced the first content or tool-call
    /// delta (null when none did).
    /// </summary>
    public static (string Sse, TimeSpan? FirstDelta) Stream(GeneratedCompletion completion, IToolCallFormat format)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(format);
        var parsed = Apply(completion, format);
        var writer = new SseChunkWriter(completion.Id, completion.Created, completion.Model);
        writer.Delta(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty });
        var deltas = new StreamDeltaWriter(writer, completion.Text, parsed);
        TimeSpan? firstDelta = null;
        var position = 0;
        foreach (var piece in completion.Pieces)
        {
            var start = position;
            position += piece.Text.Length;
            if (deltas.Piece(start, position))
            {
                firstDelta ??= piece.Elapsed;
            }
        }

        if (deltas.Rest())
        {
            firstDelta ??= completion.Pieces.Count > 0 ? completion.Pieces[^1].Elapsed : TimeSpan.Zero;
        }

        writer.Finish(parsed.FinishReason);
        writer.Usage(completion.PromptTokens, completion.CompletionTokens);
        return (writer.Done(), firstDelta);
    }
}
