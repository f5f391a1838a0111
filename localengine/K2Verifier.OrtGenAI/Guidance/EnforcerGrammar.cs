using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// Writes the Enforcer's Lark grammar (llguidance dialect) for one request: free text and calls as a format and a
/// <c>tool_choice</c> allow them. Shape, for a format whose calls open with a marker (Kimi K2, Hermes, DeepSeek V3):
/// <code>
/// start: TEXT?                            // none
/// start: TEXT? | LEAD after_open          // auto (LEAD: text without markers, then the opening marker, one lexeme)
/// start: "OPENER" after_open              // required, named function
/// after_open: call (SEP call){0,K-1} "SECTION_END"    // with a section; Hermes: body (SEP call){0,K-1}
/// call: "CALL_BEGIN" body
/// body: body_0 | body_1 | …               // one alternative per declared tool: its fixed text, name and arguments
/// args_0: %json {…bounded schema…}
/// </code>
/// Llama 3 JSON has no opener and no text before calls: <c>start: TEXT? | calls</c>. Text and the opening marker form
/// one lexeme in <c>auto</c> because llguidance's lexer is greedy: a separate text lexeme would swallow the marker's
/// first bytes (free text may hold a proper prefix of a marker), and the marker could never start.
/// </summary>
internal sealed class EnforcerGrammar
{
    private readonly ToolCallSyntax _syntax;
    private readonly ToolCallGrammarOptions _options;
    private readonly StringBuilder _grammar = new();

    private EnforcerGrammar(ToolCallSyntax syntax, ToolCallGrammarOptions options)
    {
        _syntax = syntax;
        _options = options;
    }

    /// <summary>
    /// The grammar for <paramref name="mode"/> over <paramref name="tools"/> (for <see cref="ToolChoiceMode.Function"/>,
    /// the named tool alone; one call). <see cref="ToolChoiceMode.Auto"/> without tools is <see cref="ToolChoiceMode.None"/>.
    /// </summary>
    public static string Build(ToolCallSyntax syntax, IReadOnlyList<ToolDefinition> tools, ToolChoiceMode mode, ToolCallGrammarOptions options)
    {
        var writer = new EnforcerGrammar(syntax, options);
        if (mode == ToolChoiceMode.None || tools.Count == 0)
        {
            writer.Line("start: TEXT?");
            writer.TextTerminals(lead: false);
        }
        else
        {
            writer.Calls(tools, mode == ToolChoiceMode.Function ? 1 : options.MaxCalls, mode == ToolChoiceMode.Auto);
        }

        return writer._grammar.ToString();
    }

    private void Calls(IReadOnlyList<ToolDefinition> tools, int maxCalls, bool allowText)
    {
        var separator = _syntax.CallSeparator.Length > 0 ? LarkText.Literal(_syntax.CallSeparator) + " " : string.Empty;
        var more = maxCalls > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({separator}call){{0,{maxCalls - 1}}}") : string.Empty;
        if (_syntax.Opener is not { } opener)
        {
            var moreBodies = maxCalls > 1 ? string.Create(CultureInfo.InvariantCulture, $" ({separator}body){{0,{maxCalls - 1}}}") : string.Empty;
            Line(allowText ? "start: TEXT? | calls" : "start: calls");
            Line("calls: body" + moreBodies);
        }
        else
        {
            var openerIsText = !_options.SpecialTokens.ContainsKey(opener);
            Line(!allowText ? $"start: {Marker(opener)} after_open"
                : openerIsText ? "start: TEXT? | LEAD after_open"
                : $"start: TEXT? | TEXT? {Marker(opener)} after_open");
            Line(_syntax.SectionEnd is { } sectionEnd ? $"after_open: call{more} {Marker(sectionEnd)}" : $"after_open: body{more}");
            if (allowText && openerIsText)
            {
                Line($"LEAD: TEXT_BEFORE {LarkText.Literal(opener)}");
            }
        }

        if (_syntax.CallBegin is { } callBegin)
        {
            Line($"call: {Marker(callBegin)} body");
        }

        Line("body: " + string.Join(" | ", tools.Select((_, i) => "body_" + i.ToString(CultureInfo.InvariantCulture))));
        for (var i = 0; i < tools.Count; i++)
        {
            Body(i, tools[i]);
        }

        if (allowText)
        {
            TextTerminals(lead: _syntax.Opener is not null);
        }

        if (_syntax.CallBody.Any(p => p.Kind == SyntaxPartKind.CallIndex))
        {
            Line("CALL_INDEX: /0|[1-9][0-9]{0,3}/");
        }
    }

    private void Body(int index, ToolDefinition tool)
    {
        var id = index.ToString(CultureInfo.InvariantCulture);
        var parts = _syntax.CallBody.Select(part => part.Kind switch
        {
            SyntaxPartKind.Marker => Marker(part.Text),
            SyntaxPartKind.Literal => LarkText.Literal(part.Text),
            SyntaxPartKind.JsonName => LarkText.Literal(JsonSerializer.Serialize(tool.Name)),
            SyntaxPartKind.RawName => LarkText.Literal(tool.Name),
            SyntaxPartKind.CallIndex => "CALL_INDEX",
            _ => "args_" + id,
        });
        Line($"body_{id}: " + string.Join(" ", MergeLiterals(parts)));
        Line($"args_{id}: %json " + ArgumentsSchema(tool).ToJsonString());
    }

    /// <summary>Free text: at most <see cref="ToolCallGrammarOptions.MaxTextLength"/> characters, none of the format's markers.</summary>
    private void TextTerminals(bool lead)
    {
        var forbidden = string.Join("|", _syntax.TextMustNotContain.Select(LarkText.RegexEscape));
        var limit = _options.MaxTextLength.ToString(CultureInfo.InvariantCulture);
        var exclusions = $" & ~/(.|\\n)*({forbidden})(.|\\n)*/" + (_syntax.TextMustNotStartWith is { } start ? $" & ~/{start}(.|\\n)*/" : string.Empty);
        Line($"TEXT: /(.|\\n){{1,{limit}}}/" + exclusions);
        if (lead)
        {
            Line($"TEXT_BEFORE: /(.|\\n){{0,{limit}}}/" + exclusions);
        }
    }

    /// <summary>A marker as a special token (<c>&lt;[id]&gt;</c>) when the caller listed it, else as text.</summary>
    private string Marker(string marker) =>
        _options.SpecialTokens.TryGetValue(marker, out var id) ? string.Create(CultureInfo.InvariantCulture, $"<[{id}]>") : LarkText.Literal(marker);

    /// <summary>Adjacent string literals joined into one (<c>"a" "b"</c> → <c>"ab"</c>): fewer lexemes for the parser.</summary>
    private static IEnumerable<string> MergeLiterals(IEnumerable<string> parts)
    {
        string? pending = null;
        foreach (var part in parts)
        {
            if (part.StartsWith('"') && pending is not null)
            {
                pending = pending[..^1] + part[1..];
                continue;
            }

            if (pending is not null)
            {
                yield return pending;
            }

            pending = part.StartsWith('"') ? part : null;
            if (pending is null)
            {
                yield return part;
            }
        }

        if (pending is not null)
        {
            yield return pending;
        }
    }

    private JsonObject ArgumentsSchema(ToolDefinition tool)
    {
        var schema = JsonSchemaBounds.Apply(tool.Parameters, _options);
        // Compact, fixed separators as the formats render them: flexible whitespace lets a random model emit spaces until max_tokens.
        schema["x-guidance"] = new JsonObject
        {
            ["whitespace_flexible"] = false,
            ["item_separator"] = ", ",
            ["key_separator"] = ": ",
        };
        return schema;
    }

    private void Line(string line) => _grammar.Append(line).Append('\n');
}
