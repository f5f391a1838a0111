using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Tests.Issues;

/// <summary>The defects issue 14 lists, each seen on a real case, through the shared finish-reason rule.</summary>
public sealed class Issue_14_ParseLikeTheEngines
{
    private const string Kimi = "kimi-k2";

    [Theory]
    // A Kimi id without :IDX is dropped (both engines), never a call named "0".
    [InlineData(Kimi, "<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather.0<|tool_call_argument_begin|>{}<|tool_call_end|><|tool_calls_section_end|>", "stop", "", 0)]
    // A section never closed keeps its complete call.
    [InlineData(Kimi, "<|tool_calls_section_begin|><|tool_call_begin|>functions.f:0<|tool_call_argument_begin|>{}<|tool_call_end|>", "tool_calls", "f", 0)]
    // Ids like search:2 without functions. still parse.
    [InlineData(Kimi, "<|tool_calls_section_begin|><|tool_call_begin|>search:2<|tool_call_argument_begin|>{\"q\": 1}<|tool_call_end|><|tool_calls_section_end|>", "tool_calls", "search", 0)]
    // Output stopped inside a call: the vendor's stop stands, the call is counted incomplete.
    [InlineData(Kimi, "<|tool_calls_section_begin|><|tool_call_begin|>functions.f:0<|tool_call_argument_begin|>{\"a\"", "stop", "", 1)]
    // A Hermes block left unclosed around complete JSON is a call (vLLM).
    [InlineData("hermes", "<tool_call>\n{\"name\": \"f\", \"arguments\": {}}\n", "tool_calls", "f", 1)]
    // Invalid JSON keeps the vendor's stop.
    [InlineData("hermes", "<tool_call>\n{\"name\": \"f\", \"arguments\": {</tool_call>", "stop", "", 0)]
    // Llama: no invented {} arguments; a second <|python_tag|> starts a second call; a bad object does not lose the next call.
    [InlineData("llama3-json", "{\"name\": \"toolWithoutParams\"}", "stop", "", 0)]
    [InlineData("llama3-json", "<|python_tag|>{\"name\": \"a\", \"parameters\": {}}<|python_tag|>{\"name\": \"b\", \"parameters\": {}}", "tool_calls", "a,b", 0)]
    [InlineData("llama3-json", "{\"name\": \"a\", \"parameters\": {x}}; {\"name\": \"b\", \"parameters\": {}}", "tool_calls", "b", 0)]
    public void Apply_IssueCase_EngineResultAndVendorReason(string formatName, string text, string finishReason, string names, int incomplete)
    {
        var parsed = FinishReasonRule.Apply(text, ToolCallFormatRegistry.Get(formatName), ParseMode.Lenient, "stop");

        Assert.Equal(finishReason, parsed.FinishReason);
        Assert.Equal(names, string.Join(",", parsed.Calls.Select(c => c.Name)));
        Assert.Equal(incomplete, parsed.Report.IncompleteToolCalls);
        Assert.Equal("stop", parsed.Report.VendorFinishReason);
        Assert.Equal(finishReason != "stop", parsed.Report.FinishReasonChanged is not null);
    }

    [Fact]
    public void Apply_ServerStoppedEarly_IsNotRelabelledLength()
    {
        var parsed = FinishReasonRule.Apply("plain answer <tool_call>{\"name\"", HermesToolCallFormat.Instance, ParseMode.Lenient, "stop");

        Assert.Equal("stop", parsed.FinishReason);
        Assert.Null(parsed.Report.FinishReasonChanged);
        Assert.Equal("plain answer <tool_call>{\"name\"", parsed.Content);
    }
}
