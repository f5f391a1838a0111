using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Simulation;
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
    /// The SSE text of the completion streamed token by token: a role chunk; content deltas as the format's stream
    /// parser settles them (a possible call marker is held back); one chunk per tool call as it closes; the finish
    /// chunk; the usage chunk (top-level <c>usage</c>, as with <c>stream_options.include_usage</c>); <c>[DONE]</c>.
    /// Also returns the elapsed time of the piece that produced the first content or tool-call delta (null when none did).
    /// </summary>
    public static (string Sse, TimeSpan? FirstDelta) Stream(GeneratedCompletion completion, IToolCallFormat format)
    {
        ArgumentNullException.ThrowIfNull(completion);
        ArgumentNullException.ThrowIfNull(format);
        var writer = new SseChunkWriter(completion.Id, completion.Created, completion.Model);
        writer.Delta(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty });
        var parser = format.CreateStreamParser(ParseMode.Lenient);
        var emittedContent = new System.Text.StringBuilder();
        var emittedCalls = 0;
        TimeSpan? firstDelta = null;
        void Emit(ToolCallStreamUpdate update, TimeSpan elapsed)
        {
            if (update.ContentDelta.Length > 0)
            {
                writer.Delta(new JsonObject { ["content"] = update.ContentDelta });
                emittedContent.Append(update.ContentDelta);
                firstDelta ??= elapsed;
            }

            foreach (var call in update.CompletedCalls)
            {
                writer.Delta(new JsonObject { ["tool_calls"] = new JsonArray(SseChunkWriter.ToolCall(call, emittedCalls++)) });
                firstDelta ??= elapsed;
            }
        }

        foreach (var piece in completion.Pieces)
        {
            Emit(parser.Push(piece.Text), piece.Elapsed);
        }

        var final = parser.Finish();
        var last = completion.Pieces.Count > 0 ? completion.Pieces[^1].Elapsed : TimeSpan.Zero;
        var (_, _, finishReason) = Parse(completion.Text, format, completion.HitLength);
        var settled = emittedContent.ToString();
        if (finishReason == "tool_calls")
        {
            // Calls the parser only settles at the end, then content after the last call.
            Emit(new ToolCallStreamUpdate(string.Empty, [.. final.Calls.Skip(emittedCalls)]), last);
            Emit(new ToolCallStreamUpdate(final.Content.StartsWith(settled, StringComparison.Ordinal) ? final.Content[settled.Length..] : string.Empty, []), last);
        }
        else if (emittedCalls == 0 && completion.Text.StartsWith(settled, StringComparison.Ordinal))
        {
            // No call: the text held back as a possible marker is content after all.
            Emit(new ToolCallStreamUpdate(completion.Text[settled.Length..], []), last);
        }

        writer.Finish(finishReason);
        writer.Usage(completion.PromptTokens, completion.CompletionTokens);
        return (writer.Done(), firstDelta);
    }
}
