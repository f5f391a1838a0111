using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Tests.ToolCallFormats;

public sealed class OtherFormatsTests
{
    [Fact]
    public void Hermes_Parse_StringArguments_LenientDecodesThem()
    {
        var text = "<tool_call>\n{\"name\": \"f\", \"arguments\": \"{\\\"a\\\": 1}\"}\n</tool_call>";

        Assert.Equal([new ParsedToolCall("call_0", "f", "{\"a\": 1}")], HermesToolCallFormat.Instance.Parse(text, ParseMode.Lenient).Calls);
        Assert.Empty(HermesToolCallFormat.Instance.Parse(text, ParseMode.Strict).Calls);
    }

    [Fact]
    public void Hermes_Parse_OneBlockWithoutArguments_MakesTheWholeTextContentLikeVllm()
    {
        var text = "<tool_call>{\"name\": \"f\", \"arguments\": {}}</tool_call>\n<tool_call>{\"name\": \"g\", \"parameters\": {\"b\": 2}}</tool_call>";

        var lenient = HermesToolCallFormat.Instance.Parse(text, ParseMode.Lenient);

        Assert.Empty(lenient.Calls);
        Assert.Equal(text, lenient.Content);
    }

    [Fact]
    public void Hermes_Parse_UnclosedLastBlock_LenientTakesCompleteJsonAndCountsItIncomplete()
    {
        var text = "<tool_call>\n{\"name\": \"f\", \"arguments\": {}}\n";

        var lenient = HermesToolCallFormat.Instance.Parse(text, ParseMode.Lenient);
        var strict = HermesToolCallFormat.Instance.Parse(text, ParseMode.Strict);

        Assert.Equal(["f"], lenient.Calls.Select(c => c.Name));
        Assert.Equal(1, lenient.IncompleteCalls);
        Assert.Empty(strict.Calls);
        Assert.True(strict.Truncated);
    }

    [Fact]
    public void DeepSeekV3_Parse_MissingFence_DroppedInBothModesLikeVllm()
    {
        var text = "<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>tool<｜tool▁sep｜>f\n{\"a\": 1}<｜tool▁call▁end｜><｜tool▁calls▁end｜>";

        Assert.Empty(DeepSeekV3ToolCallFormat.Instance.Parse(text, ParseMode.Lenient).Calls);
        Assert.Empty(DeepSeekV3ToolCallFormat.Instance.Parse(text, ParseMode.Strict).Calls);
    }

    [Theory]
    [InlineData("{\"name\": \"f\", \"parameters\": {\"a\": 1}}", true, true)]
    [InlineData("<|python_tag|>{\"name\": \"f\", \"parameters\": {}}", true, true)]
    [InlineData("{\"name\": \"f\", \"arguments\": {}}<|eom_id|>", false, true)]
    [InlineData("Sure. <|python_tag|>{\"name\": \"f\", \"parameters\": {}}", false, true)]
    [InlineData("The answer is {\"name\": \"f\"}", false, false)]
    [InlineData("The answer is {\"name\": \"f\", \"parameters\": {}}", false, true)]
    [InlineData("{\"answer\": 42}", false, false)]
    public void Llama3Json_Parse_Forms(string text, bool strictCall, bool lenientCall)
    {
        Assert.Equal(strictCall, Llama3JsonToolCallFormat.Instance.Parse(text, ParseMode.Strict).Calls.Count == 1);
        Assert.Equal(lenientCall, Llama3JsonToolCallFormat.Instance.Parse(text, ParseMode.Lenient).Calls.Count == 1);
    }

    [Fact]
    public void Llama3Json_Parse_SeveralCallsSeparatedBySemicolons()
    {
        var result = Llama3JsonToolCallFormat.Instance.Parse("{\"name\": \"a\", \"parameters\": {}}; {\"name\": \"b\", \"parameters\": {\"x\": [1, \"}\"]}}", ParseMode.Strict);

        Assert.Equal(["a", "b"], result.Calls.Select(c => c.Name));
        Assert.Equal("{\"x\": [1, \"}\"]}", result.Calls[1].Arguments);
        Assert.Equal(string.Empty, result.Content);
    }

    [Fact]
    public void Registry_Get_KnownAliasAndUnknownNames()
    {
        Assert.Same(HermesToolCallFormat.Instance, ToolCallFormatRegistry.Get("qwen"));
        Assert.Same(KimiK2ToolCallFormat.Instance, ToolCallFormatRegistry.Get("KIMI-K2"));
        var error = Assert.Throws<ArgumentException>(() => ToolCallFormatRegistry.Get("mistral"));
        Assert.Contains("kimi-k2, hermes, deepseek-v3, llama3-json", error.Message, StringComparison.Ordinal);
    }
}
