using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Tests.ToolCallFormats;

public sealed class KimiK2ToolCallFormatTests
{
    private static readonly KimiK2ToolCallFormat Format = KimiK2ToolCallFormat.Instance;

    private static string Section(params (string Id, string Arguments)[] calls) =>
        "<|tool_calls_section_begin|>" + string.Concat(calls.Select(c => $"<|tool_call_begin|>{c.Id}<|tool_call_argument_begin|>{c.Arguments}<|tool_call_end|>")) + "<|tool_calls_section_end|>";

    [Fact]
    public void Parse_IdWithoutFunctionsPrefix_LenientKeepsWhatK2vvAndStrictDrop()
    {
        // vLLM bug #3 (DESIGN.md): history ids like "search:0" lead the model to emit "search:2".
        var text = "I'll search." + Section(("functions.get_weather:0", "{\"city\": \"Paris\"}"), ("search:2", "{\"q\": \"news\"}"));

        var strict = Format.Parse(text, ParseMode.Strict);
        var lenient = Format.Parse(text, ParseMode.Lenient);
        var k2vv = lenient.Calls.Select(c => KimiK2ToolCallFormat.ReferenceFunctionName(c.Id)).Where(n => n is not null).ToList();

        Assert.Equal(["get_weather", "search"], lenient.Calls.Select(c => c.Name));
        Assert.Equal("search:2", lenient.Calls[1].Id);
        Assert.Equal(["get_weather"], strict.Calls.Select(c => c.Name));
        Assert.Contains(strict.Problems, p => p.Contains("search:2", StringComparison.Ordinal));
        Assert.Equal(["get_weather"], k2vv);
        Assert.Equal("I'll search.", lenient.Content);
    }

    [Theory]
    [InlineData("functions.search:2", "search", "search")]
    [InlineData("search:2", null, "search")]
    [InlineData("functions.get.weather:0", "get", "weather")]
    [InlineData("functions.search", "search", "search")]
    public void FunctionName_IdForms_MatchReferenceWhereItWorks(string id, string? reference, string lenient)
    {
        Assert.Equal(reference, KimiK2ToolCallFormat.ReferenceFunctionName(id));
        Assert.Equal(lenient, KimiK2ToolCallFormat.FunctionName(id, ParseMode.Lenient));
    }

    [Fact]
    public void Parse_StrictId_RequiresFunctionsNameIndex()
    {
        Assert.Equal("search", KimiK2ToolCallFormat.FunctionName("functions.search:10", ParseMode.Strict));
        Assert.Null(KimiK2ToolCallFormat.FunctionName("functions.search", ParseMode.Strict));
        Assert.Null(KimiK2ToolCallFormat.FunctionName("search:1", ParseMode.Strict));
        Assert.Null(KimiK2ToolCallFormat.FunctionName(" functions.search:1", ParseMode.Strict));
    }

    [Fact]
    public void Parse_WhitespaceAndSingularMarkers_AcceptedOnlyWhenLenient()
    {
        var text = "<|tool_call_section_begin|> <|tool_call_begin|> functions.f:0 <|tool_call_argument_begin|> {\"a\": 1} <|tool_call_end|> <|tool_call_section_end|>";

        var lenient = Format.Parse(text, ParseMode.Lenient);
        var strict = Format.Parse(text, ParseMode.Strict);

        Assert.Equal([new ParsedToolCall("functions.f:0", "f", "{\"a\": 1}")], lenient.Calls);
        Assert.False(lenient.Truncated);
        Assert.Empty(strict.Calls);
        Assert.Equal(text, strict.Content);
    }

    [Fact]
    public void Parse_ArgumentsNotJson_StrictDropsLenientKeeps()
    {
        var text = Section(("functions.f:0", "{\"a\": "));

        Assert.Empty(Format.Parse(text, ParseMode.Strict).Calls);
        Assert.Equal("{\"a\":", Format.Parse(text, ParseMode.Lenient).Calls.Single().Arguments);
    }

    [Fact]
    public void Parse_SectionNeverClosed_IsTruncatedAndKeepsClosedCalls()
    {
        var text = Section(("functions.f:0", "{}"))[..^"<|tool_calls_section_end|>".Length] + "<|tool_call_begin|>functions.g:1<|tool_call_argument_begin|>{\"x\"";

        var result = Format.Parse(text, ParseMode.Strict);

        Assert.True(result.Truncated);
        Assert.Equal(["f"], result.Calls.Select(c => c.Name));
        Assert.Equal(string.Empty, result.Content);
    }

    [Fact]
    public void Render_CallWithoutId_UsesOfficialIdForm()
    {
        var text = Format.Render([new ParsedToolCall(string.Empty, "search", "{}"), new ParsedToolCall(string.Empty, "open", "{\"id\": 1}")]);

        Assert.Equal(Section(("functions.search:0", "{}"), ("functions.open:1", "{\"id\": 1}")), text);
    }
}
