using System.Globalization;
using K2Verifier.Results;

namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>
/// The one rule that turns a completion and the engine's own finish_reason into a chat message, shared by the
/// raw-completions backend, the local engine and the simulator: the vendor's finish_reason stands unless the parse
/// proves otherwise. Calls parsed from the text make it <c>tool_calls</c> (as vLLM and SGLang report whenever their
/// parser returns calls), with the text outside the calls as content (null when empty); without a call the vendor's
/// reason stands and the whole text is content. Text cut inside a call never relabels <c>stop</c> as <c>length</c>;
/// it is counted in <see cref="ParseReport.IncompleteToolCalls"/>.
/// </summary>
public static class FinishReasonRule
{
    /// <summary>Parses <paramref name="text"/> with <paramref name="format"/> and applies the rule.</summary>
    /// <param name="text">The completion text.</param>
    /// <param name="format">The tool-call format.</param>
    /// <param name="mode">The parse mode (lenient: the official engine's semantics).</param>
    /// <param name="vendorFinishReason">The engine's finish_reason (<c>stop</c> when it gave none).</param>
    public static ParsedCompletion Apply(string text, IToolCallFormat format, ParseMode mode, string? vendorFinishReason)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        var vendor = string.IsNullOrEmpty(vendorFinishReason) ? "stop" : vendorFinishReason;
        var parsed = format.Parse(text, mode);
        if (parsed.Calls.Count == 0)
        {
            return new ParsedCompletion(text, [], vendor, parsed, new ParseReport(vendor, null, parsed.IncompleteCalls));
        }

        var changed = vendor == "tool_calls"
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{vendor} -> tool_calls: the {format.Name} parser found {parsed.Calls.Count} tool call(s) in the text");
        var content = parsed.Content.Length == 0 ? null : parsed.Content;
        return new ParsedCompletion(content, parsed.Calls, "tool_calls", parsed, new ParseReport(vendor, changed, parsed.IncompleteCalls));
    }
}
