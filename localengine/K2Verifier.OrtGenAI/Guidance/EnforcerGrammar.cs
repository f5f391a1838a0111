using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Json;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// Writes the Enforcer's Lark grammar (llguidance dialect) for one request: free text and calls as a format and a
/// <c>tool_choice</c> allow them. Shape, for a format whose calls open with a marker (Kimi K2, Hermes, DeepSeek V3):
/// <code>
/// start: text?                            // none
/// start: text? | text? OPENER after_open  // auto
/// start: OPENER after_open                // required, named function
/// after_open: call (SEP call){0,K-1} SECTION_END   // with a section; Hermes: body (SEP call){0,K-1}
/// call: CALL_BEGIN body
/// body: body_0 | body_1 | …               // one alternative per declared tool: its fixed text, name and arguments
/// args_0: %json {…bounded schema…}
/// text[max_tokens=N]: TEXT                // TEXT: /(.|\n)+/ &amp; ~/(.|\n)*(MARKERS)(.|\n)*/
/// </code>
/// Llama 3 JSON has no opener and no text before calls: <c>start: text? | calls</c>. Free text is bounded in tokens
/// (a lexeme option), not characters: a counted repetition such as <c>(.|\n){1,256}</c> makes every position a new
/// lexer state, so llguidance's derivative cache never hits and each mask costs about twice as much.
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
            writer.Line("start: text?");
            writer.TextRules();
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
            Line(allowText ? "start: text? | calls" : "start: calls");
            Line("calls: body" + moreBodies);
        }
        else
        {
            Line(allowText ? $"start: text? | text? {Marker(opener)} after_open" : $"start: {Marker(opener)} after_open");
            Line(_syntax.SectionEnd is { } sectionEnd ? $"after_open: call{more} {Marker(sectionEnd)}" : $"after_open: body{more}");
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
            TextRules();
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
            SyntaxPartKind.JsonName => LarkText.Literal(JsonText.Quote(tool.Name)),
            SyntaxPartKind.RawName => LarkText.Literal(tool.Name),
            SyntaxPartKind.CallIndex => "CALL_INDEX",
            _ => "args_" + id,
        });
        Line($"body_{id}: " + string.Join(" ", MergeLiterals(parts)));
        Line($"args_{id}: %json " + ArgumentsSchema(tool).ToJsonString());
    }

    /// <summary>Free text: at most <see cref="ToolCallGrammarOptions.MaxTextTokens"/> tokens, none of the format's markers.</summary>
    private void TextRules()
    {
        var forbidden = string.Join("|", _syntax.TextMustNotContain.Select(LarkText.RegexEscape));
        var start = _syntax.TextMustNotStartWith is { } prefix ? $" & ~/{prefix}(.|\\n)*/" : string.Empty;
        Line(string.Create(CultureInfo.InvariantCulture, $"text[max_tokens={_options.MaxTextTokens}]: TEXT"));
        Line($"TEXT: /(.|\\n)+/ & ~/(.|\\n)*({forbidden})(.|\\n)*/" + start);
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
