using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

/// <summary>The Enforcer's grammar text per format and tool_choice (no native library).</summary>
public sealed class ToolCallEnforcerTests
{
    private static readonly IReadOnlyList<ToolDefinition> Tools = EnforcerTools.Both;

    [Fact]
    public void Build_UnknownFormat_ThrowsNamingTheKnownFormats()
    {
        var ex = Assert.Throws<ArgumentException>(() => ToolCallEnforcer.Build("mistral", Tools, ToolChoice.Required));

        Assert.Contains("\"mistral\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kimi-k2, hermes, deepseek-v3, llama3-json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UndeclaredFunctionInToolChoice_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => ToolCallEnforcer.Build("kimi-k2", Tools, ToolChoice.Function("delete_everything")));

        Assert.Contains("delete_everything", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RequiredWithoutTools_Throws()
    {
        Assert.Throws<ArgumentException>(() => ToolCallEnforcer.Build("hermes", [], ToolChoice.Required));
    }

    [Fact]
    public void Build_AnyChoice_IsALarkGrammar()
    {
        var guidance = ToolCallEnforcer.Build("qwen", Tools, ToolChoice.Auto);

        Assert.Equal("lark_grammar", guidance!.Type);
        Assert.Equal(ToolCallEnforcer.BuildGrammar("hermes", Tools, ToolChoice.Auto), guidance.Data);
    }

    [Fact]
    public void Build_FastForward_OnByDefaultOffWhenAsked()
    {
        Assert.True(ToolCallEnforcer.Build("hermes", Tools, ToolChoice.Required)!.EnableFastForward);
        Assert.False(ToolCallEnforcer.Build("hermes", Tools, ToolChoice.Required, new ToolCallGrammarOptions { FastForward = false })!.EnableFastForward);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(3, 0)]
    public void Build_NoCallsOrNoTextAllowed_Throws(int maxCalls, int maxTextTokens)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ToolCallEnforcer.Build("hermes", Tools, ToolChoice.Auto, new ToolCallGrammarOptions { MaxCalls = maxCalls, MaxTextTokens = maxTextTokens }));
    }

    [Fact]
    public void BuildGrammar_HermesRequired_CallsOnlyUpToMaxCalls()
    {
        var lines = Lines(ToolCallEnforcer.BuildGrammar("hermes", Tools, ToolChoice.Required));

        Assert.Equal("start: \"<tool_call>\" after_open", lines[0]);
        Assert.Equal("after_open: body (\"\\n\" call){0,2}", lines[1]);
        Assert.Equal("call: \"<tool_call>\" body", lines[2]);
        Assert.Equal("body: body_0 | body_1", lines[3]);
        Assert.Equal("body_0: \"\\n{\\\"name\\\": \\\"get_weather\\\", \\\"arguments\\\": \" args_0 \"}\\n</tool_call>\"", lines[4]);
        Assert.DoesNotContain(lines, l => l.Contains("TEXT", StringComparison.Ordinal));
    }

    [Fact]
    public void BuildGrammar_NamedFunction_ThatToolAloneOnce()
    {
        var lines = Lines(ToolCallEnforcer.BuildGrammar("kimi-k2", Tools, ToolChoice.Function("search")));

        Assert.Equal("start: \"<|tool_calls_section_begin|>\" after_open", lines[0]);
        Assert.Equal("after_open: call \"<|tool_calls_section_end|>\"", lines[1]);
        Assert.Equal("body: body_0", lines[3]);
        Assert.Equal("body_0: \"functions.search:\" CALL_INDEX \"<|tool_call_argument_begin|>\" args_0 \"<|tool_call_end|>\"", lines[4]);
        Assert.DoesNotContain(lines, l => l.Contains("get_weather", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kimi-k2", @"(<\|tool_call)")]
    [InlineData("hermes", @"(<tool_call>|<\/tool_call>)")]
    [InlineData("deepseek-v3", "(<｜tool▁)")]
    [InlineData("llama3-json", @"(<\|python_tag\|>)")]
    public void BuildGrammar_None_BoundedTextWithoutCallMarkers(string format, string forbidden)
    {
        var lines = Lines(ToolCallEnforcer.BuildGrammar(format, Tools, ToolChoice.None, new ToolCallGrammarOptions { MaxTextTokens = 100 }));

        Assert.Equal("start: text?", lines[0]);
        Assert.Equal("text[max_tokens=100]: TEXT", lines[1]);
        Assert.StartsWith($"TEXT: /(.|\\n)+/ & ~/(.|\\n)*{forbidden}(.|\\n)*/", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
    }

    [Fact]
    public void BuildGrammar_AutoWithoutTools_IsTextOnly()
    {
        Assert.Equal(
            ToolCallEnforcer.BuildGrammar("hermes", [], ToolChoice.None),
            ToolCallEnforcer.BuildGrammar("hermes", [], ToolChoice.Auto));
    }

    [Fact]
    public void BuildGrammar_KimiAuto_TextOrTextThenTheSection()
    {
        var lines = Lines(ToolCallEnforcer.BuildGrammar("kimi-k2", Tools, ToolChoice.Auto));

        Assert.Equal("start: text? | text? \"<|tool_calls_section_begin|>\" after_open", lines[0]);
        Assert.Equal("after_open: call (call){0,2} \"<|tool_calls_section_end|>\"", lines[1]);
        Assert.Contains("text[max_tokens=256]: TEXT", lines);
        Assert.Contains(@"TEXT: /(.|\n)+/ & ~/(.|\n)*(<\|tool_call)(.|\n)*/", lines);
        Assert.Contains("CALL_INDEX: /0|[1-9][0-9]{0,3}/", lines);
    }

    [Fact]
    public void BuildGrammar_Llama3Auto_TextOrCallsNeverBoth()
    {
        var lines = Lines(ToolCallEnforcer.BuildGrammar("llama3-json", Tools, ToolChoice.Auto, new ToolCallGrammarOptions { MaxCalls = 2 }));

        Assert.Equal("start: text? | calls", lines[0]);
        Assert.Equal("calls: body (\"; \" body){0,1}", lines[1]);
        Assert.Equal("body_0: \"{\\\"name\\\": \\\"get_weather\\\", \\\"parameters\\\": \" args_0 \"}\"", lines[3]);
        Assert.EndsWith(@"& ~/\s*\{(.|\n)*/", lines.Single(l => l.StartsWith("TEXT:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildGrammar_MarkersListedAsSpecialTokens_WrittenAsTokenIds()
    {
        var special = new Dictionary<string, int> { ["<｜tool▁calls▁begin｜>"] = 128806, ["<｜tool▁sep｜>"] = 128814 };

        var lines = Lines(ToolCallEnforcer.BuildGrammar("deepseek-v3", Tools, ToolChoice.Auto, new ToolCallGrammarOptions { SpecialTokens = special }));

        Assert.Equal("start: text? | text? <[128806]> after_open", lines[0]);
        Assert.Equal("after_open: call (\"\\n\" call){0,2} \"<｜tool▁calls▁end｜>\"", lines[1]);
        Assert.Equal("call: \"<｜tool▁call▁begin｜>\" body", lines[2]);
        Assert.StartsWith("body_0: \"function\" <[128814]> \"get_weather\\n```json\\n\" args_0 \"\\n```<｜tool▁call▁end｜>\"", lines[4], StringComparison.Ordinal);
        Assert.Contains("text[max_tokens=256]: TEXT", lines);
    }

    [Fact]
    public void BuildGrammar_Arguments_BoundedSchemaWithFixedSeparators()
    {
        var lines = Lines(ToolCallEnforcer.BuildGrammar("hermes", Tools, ToolChoice.Function("search"), new ToolCallGrammarOptions { MaxStringLength = 7 }));
        var arguments = System.Text.Json.Nodes.JsonNode.Parse(lines.Single(l => l.StartsWith("args_0: %json ", StringComparison.Ordinal))["args_0: %json ".Length..])!;

        Assert.Equal(7, (int)arguments["properties"]!["query"]!["maxLength"]!);
        Assert.Equal("integer", (string)arguments["properties"]!["limit"]!["type"]!);
        Assert.False((bool)arguments["x-guidance"]!["whitespace_flexible"]!);
        Assert.False((bool)arguments["additionalProperties"]!);
    }

    [Fact]
    public void BuildGrammar_RepeatedToolName_KeepsTheFirstDeclaration()
    {
        var grammar = ToolCallEnforcer.BuildGrammar("hermes", [EnforcerTools.Weather, new ToolDefinition("get_weather", null)], ToolChoice.Required);

        Assert.Contains("body: body_0\n", grammar, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<tool_call>", @"<tool_call>")]
    [InlineData("</tool_call>", @"<\/tool_call>")]
    [InlineData("<|a.b|>", @"<\|a\.b\|>")]
    [InlineData("a\nb-c", @"a\nb\-c")]
    public void RegexEscape_OnlyMetaCharactersAndTheDelimiter(string text, string expected)
    {
        Assert.Equal(expected, LarkText.RegexEscape(text));
    }

    private static string[] Lines(string grammar) => grammar.TrimEnd('\n').Split('\n');

    [Fact]
    public void Build_ForcedRunBound_CountsFixedTextAndFallsBackOnReferences()
    {
        var plain = ToolCallEnforcer.Build("hermes", Tools, ToolChoice.Required)!;
        var referenced = new ToolDefinition("r", JsonNode.Parse("""{"type": "object", "properties": {"a": {"$ref": "#/$defs/a"}}, "$defs": {"a": {"type": "string"}}}""")!.AsObject());
        var withReference = ToolCallEnforcer.Build("hermes", [referenced], ToolChoice.Required)!;
        var longName = ToolCallEnforcer.Build("hermes", [new ToolDefinition(new string('n', 300), null)], ToolChoice.Required)!;

        Assert.InRange(plain.MaxForcedRunBytes!.Value, "<tool_call>\n{\"name\": \"get_weather\", \"arguments\": ".Length, plain.Data.Length);
        Assert.Null(withReference.MaxForcedRunBytes);
        Assert.True(longName.MaxForcedRunBytes > 300);
    }
}
