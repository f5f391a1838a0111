namespace K2Verifier.Wire;

/// <summary>
/// Every wire check's code, severity and rationale. Codes are stable: summaries, gates (<c>wire.codes.CODE</c>) and
/// reports key on them. docs/wire-conformance.md lists the same table.
/// </summary>
public static class WireCodes
{
    /// <summary>finish_reason outside OpenAI's set.</summary>
    public static readonly WireCode NonStandardFinishReason = new("non_standard_finish_reason", WireSeverity.Error,
        "OpenAI's finish_reason is one of stop, length, tool_calls, content_filter, function_call; typed SDKs reject or mis-map other values and agent loops that switch on it fall through (ROCm/ATOM leaked \"stop_163586\", ATOM #1727).");

    /// <summary>No finish_reason.</summary>
    public static readonly WireCode MissingFinishReason = new("missing_finish_reason", WireSeverity.Error,
        "A non-stream choice without finish_reason, or a stream in which no chunk carried one: clients cannot tell a finished answer from a cut one (K2VV counts such a stream as stop).");

    /// <summary>Model-format markers in content or reasoning.</summary>
    public static readonly WireCode LeakedMarker = new("leaked_marker", WireSeverity.Error,
        "A model-format marker (<|tool_calls_section_begin|>, <tool_call>, <｜tool▁calls▁begin｜>, <|python_tag|>, <think>…) in content or reasoning_content is a server-side parse failure shown to users; the call it belonged to is lost (vLLM PR #28543).");

    /// <summary>finish stop with nothing in it.</summary>
    public static readonly WireCode EmptyStop = new("empty_stop", WireSeverity.Warn,
        "finish_reason stop with no content, no reasoning and no tool calls: an answer with nothing in it, the signature of an early EOS (measured by a K2VV fork as the share of empty stops).");

    /// <summary>Only reasoning.</summary>
    public static readonly WireCode ReasoningOnly = new("reasoning_only", WireSeverity.Warn,
        "finish_reason stop with reasoning but no content and no tool calls: the user sees an empty answer (flagged by MiniMax's verifier).");

    /// <summary>Arguments that are JSON but not an object.</summary>
    public static readonly WireCode ArgumentsNotObject = new("arguments_not_object", WireSeverity.Error,
        "Function arguments must be a JSON object; a string, number, array or null breaks every client that passes them as keyword arguments.");

    /// <summary>Arguments sent as a JSON value rather than a string.</summary>
    public static readonly WireCode ArgumentsNotString = new("arguments_not_string", WireSeverity.Warn,
        "OpenAI sends function.arguments as a string holding JSON; an object there passes untyped SDKs but breaks clients that call json.loads on it.");

    /// <summary>Arguments Python accepts but strict JSON does not.</summary>
    public static readonly WireCode NonStandardJson = new("non_standard_json", WireSeverity.Warn,
        "Arguments with NaN, Infinity or -Infinity: Python's json.loads (and so K2VV) accepts them, strict JSON parsers (JavaScript, Go, .NET) reject the call.");

    /// <summary>Arguments nested deeper than common parsers allow.</summary>
    public static readonly WireCode DeepNesting = new("deep_nesting", WireSeverity.Warn,
        "Arguments nested deeper than 64 levels: Python accepts up to about 1,000, but .NET's default limit is 64, so such calls fail in some clients.");

    /// <summary>A call without id.</summary>
    public static readonly WireCode MissingToolCallId = new("missing_tool_call_id", WireSeverity.Error,
        "A tool call without id cannot be answered: the tool message's tool_call_id has nothing to refer to.");

    /// <summary>Two calls with one id.</summary>
    public static readonly WireCode DuplicateToolCallId = new("duplicate_tool_call_id", WireSeverity.Error,
        "Two calls in one response share an id: tool results cannot be matched to their calls.");

    /// <summary>Id not in the official API's form.</summary>
    public static readonly WireCode NonOfficialToolCallId = new("non_official_tool_call_id", WireSeverity.Warn,
        "Kimi's official API writes ids as functions.NAME:IDX; other forms in the history lead the model to write malformed ids that parsers then drop (the vLLM 0.11.0 case in DESIGN.md).");

    /// <summary>finish stop with calls.</summary>
    public static readonly WireCode StopWithToolCalls = new("stop_with_tool_calls", WireSeverity.Error,
        "finish_reason stop while tool calls are present: clients that dispatch on finish_reason never run the calls.");

    /// <summary>finish tool_calls without calls.</summary>
    public static readonly WireCode ToolCallsWithoutCalls = new("tool_calls_without_calls", WireSeverity.Error,
        "finish_reason tool_calls with no tool call: the client waits for calls that are not there.");

    /// <summary>A complete call on a length row.</summary>
    public static readonly WireCode LengthCallValid = new("length_call_valid", WireSeverity.Info,
        "A schema-valid call on a row that ended with length: K2VV does not judge calls unless finish_reason is tool_calls, so it is counted here, apart from K2VV's counts.");

    /// <summary>An invalid call on a length row.</summary>
    public static readonly WireCode LengthCallInvalid = new("length_call_invalid", WireSeverity.Warn,
        "A call on a length row whose arguments parse but break the tool's schema (or name an undeclared tool); counted apart from K2VV's counts.");

    /// <summary>A cut-off call on a length row.</summary>
    public static readonly WireCode LengthCallCutOff = new("length_call_cut_off", WireSeverity.Warn,
        "A call on a length row whose arguments are cut off (not JSON): the vendor sent a call no client can run (measured: 146 of 351 calls on a llama-server run with tool_choice required).");

    /// <summary>required or named tool_choice answered without a call.</summary>
    public static readonly WireCode ToolChoiceNotHonoured = new("tool_choice_not_honoured", WireSeverity.Error,
        "tool_choice required (or a named function) answered without a call: the server ignored the request's contract (llama-server with the Kimi template: 19 of 20 rows stop without a call).");

    /// <summary>A named tool_choice answered with another function.</summary>
    public static readonly WireCode ToolChoiceOtherFunction = new("tool_choice_other_function", WireSeverity.Error,
        "tool_choice named one function and the answer called another.");

    /// <summary>tool_choice none answered with a call.</summary>
    public static readonly WireCode ToolChoiceNoneWithCall = new("tool_choice_none_with_call", WireSeverity.Error,
        "tool_choice none answered with a tool call: the client asked for text only.");

    /// <summary>An invalid call in a choice after the first.</summary>
    public static readonly WireCode ExtraChoiceInvalidCall = new("extra_choice_invalid_call", WireSeverity.Warn,
        "K2VV scores only choices[0]; every further choice that finishes with tool_calls is judged the same way here, and each invalid call in it is counted (its category in the excerpt), apart from K2VV's counts.");

    /// <summary>More choices than asked.</summary>
    public static readonly WireCode UnrequestedChoices = new("unrequested_choices", WireSeverity.Warn,
        "More than one choice without n asked: only choices[0] is scored by K2VV, the others were paid for and ignored.");

    /// <summary>Choice count other than n.</summary>
    public static readonly WireCode ChoiceCountMismatch = new("choice_count_mismatch", WireSeverity.Warn,
        "n was asked and the number of choices differs.");

    /// <summary>First stream delta without role.</summary>
    public static readonly WireCode StreamFirstDeltaWithoutRole = new("stream_first_delta_without_role", WireSeverity.Warn,
        "OpenAI's first delta carries role: assistant; accumulators that take the role from it build a message without one.");

    /// <summary>Streamed tool-call delta without index.</summary>
    public static readonly WireCode StreamToolCallWithoutIndex = new("stream_tool_call_without_index", WireSeverity.Error,
        "Streamed tool-call deltas are merged by index; without it the OpenAI SDKs cannot accumulate the call.");

    /// <summary>A streamed call's id or name sent again.</summary>
    public static readonly WireCode StreamToolCallHeaderRepeated = new("stream_tool_call_header_repeated", WireSeverity.Error,
        "A call's id or name sent again (or changed) in a later chunk: accumulators concatenate strings, so the name becomes \"searchsearch\" or the id is corrupted.");

    /// <summary>Usage missing from the final chunk.</summary>
    public static readonly WireCode StreamUsageMissing = new("stream_usage_missing", WireSeverity.Warn,
        "stream_options.include_usage was asked but the final chunk has no usage: token accounting is lost (sglang #39897's usage-placement cases).");

    /// <summary>Chunks after the finish.</summary>
    public static readonly WireCode StreamChunkAfterFinish = new("stream_chunk_after_finish", WireSeverity.Warn,
        "A chunk after the finish chunk that is not the usage chunk: clients that stop at finish_reason lose it.");

    /// <summary>No [DONE].</summary>
    public static readonly WireCode StreamMissingDone = new("stream_missing_done", WireSeverity.Warn,
        "The stream ended without data: [DONE]; the OpenAI SDKs stop at the end of the body, other clients wait for the sentinel.");

    /// <summary>A non-JSON event.</summary>
    public static readonly WireCode StreamNonJsonEvent = new("stream_non_json_event", WireSeverity.Error,
        "An SSE event whose data is neither JSON nor [DONE]: the OpenAI SDKs raise on it.");

    /// <summary>usage missing from a non-stream body.</summary>
    public static readonly WireCode UsageMissing = new("usage_missing", WireSeverity.Warn,
        "A non-stream response without usage: token accounting and cost figures are lost.");

    /// <summary>usage totals that do not add up.</summary>
    public static readonly WireCode UsageInconsistent = new("usage_inconsistent", WireSeverity.Warn,
        "usage.total_tokens is not prompt_tokens + completion_tokens.");

    /// <summary>A response object without id, object or created.</summary>
    public static readonly WireCode MissingResponseField = new("missing_response_field", WireSeverity.Warn,
        "A chat.completion needs id, object and created; clients log and de-duplicate by id.");

    /// <summary>Every code, in documentation order.</summary>
    public static IReadOnlyList<WireCode> All { get; } =
    [
        NonStandardFinishReason, MissingFinishReason, LeakedMarker, EmptyStop, ReasoningOnly, ArgumentsNotObject, ArgumentsNotString,
        NonStandardJson, DeepNesting, MissingToolCallId, DuplicateToolCallId, NonOfficialToolCallId, StopWithToolCalls, ToolCallsWithoutCalls,
        LengthCallValid, LengthCallInvalid, LengthCallCutOff, ToolChoiceNotHonoured, ToolChoiceOtherFunction, ToolChoiceNoneWithCall,
        ExtraChoiceInvalidCall, UnrequestedChoices, ChoiceCountMismatch, StreamFirstDeltaWithoutRole, StreamToolCallWithoutIndex, StreamToolCallHeaderRepeated,
        StreamUsageMissing, StreamChunkAfterFinish, StreamMissingDone, StreamNonJsonEvent, UsageMissing, UsageInconsistent, MissingResponseField,
    ];

    /// <summary>The code named <paramref name="code"/>, or null.</summary>
    public static WireCode? Find(string code) => All.FirstOrDefault(c => c.Code == code);
}
