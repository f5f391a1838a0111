using K2Verifier.Wire;
using static K2Verifier.Core.Tests.Wire.WireCheckHarness;

namespace K2Verifier.Core.Tests.Wire;

public sealed class WireCheckerTests
{
    /// <summary>Per code: a response that must trigger it and one, as close as possible, that must not.</summary>
    public static TheoryData<string, Func<IReadOnlyList<WireFinding>>, Func<IReadOnlyList<WireFinding>>> Cases => new()
    {
        { "non_standard_finish_reason", () => NonStream(Request(), Body("stop_163586")), () => NonStream(Request(), Body("content_filter")) },
        { "missing_finish_reason", () => NonStream(Request(), Body().Replace(",\"finish_reason\":\"stop\"", "", StringComparison.Ordinal)), () => NonStream(Request(), Body()) },
        { "leaked_marker", () => NonStream(Request(), Body(content: "\"sure <|tool_calls_section_begin|> x\"")), () => NonStream(Request(), Body(content: "\"a <b> tag and <|not a marker|>\"")) },
        { "empty_stop", () => NonStream(Request(), Body(content: "\"\"")), () => NonStream(Request(), Body(content: "\"ok\"")) },
        { "reasoning_only", () => NonStream(Request(), Body(content: "null", extraMessage: ",\"reasoning_content\":\"thinking\"")), () => NonStream(Request(), Body(content: "\"ok\"", extraMessage: ",\"reasoning_content\":\"thinking\"")) },
        { "arguments_not_object", () => NonStream(Request(), Body("tool_calls", "null", Call("[1,2]"))), () => NonStream(Request(), Body("tool_calls", "null", Call())) },
        { "arguments_not_string", () => NonStream(Request(), Body("tool_calls", "null", """{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":{"q":"x"}}}""")), () => NonStream(Request(), Body("tool_calls", "null", Call())) },
        { "non_standard_json", () => NonStream(Request(), Body("tool_calls", "null", Call("""{\"q\":\"x\",\"n\":NaN}"""))), () => NonStream(Request(), Body("tool_calls", "null", Call("""{\"q\":\"NaN Infinity\"}"""))) },
        { "deep_nesting", () => NonStream(Request(), Body("tool_calls", "null", Call(Nested(80)))), () => NonStream(Request(), Body("tool_calls", "null", Call(Nested(60)))) },
        { "missing_tool_call_id", () => NonStream(Request(), Body("tool_calls", "null", Call(id: ""))), () => NonStream(Request(), Body("tool_calls", "null", Call())) },
        { "duplicate_tool_call_id", () => NonStream(Request(), Body("tool_calls", "null", Call() + "," + Call())), () => NonStream(Request(), Body("tool_calls", "null", Call() + "," + Call(id: "functions.search:1"))) },
        { "non_official_tool_call_id", () => NonStream(Request(), Body("tool_calls", "null", Call(id: "search:0"))), () => NonStream(Request(model: "gpt-4o"), Body("tool_calls", "null", Call(id: "call_abc"))) },
        { "stop_with_tool_calls", () => NonStream(Request(), Body("stop", "null", Call())), () => NonStream(Request(), Body("tool_calls", "null", Call())) },
        { "tool_calls_without_calls", () => NonStream(Request(), Body("tool_calls", "\"x\"")), () => NonStream(Request(), Body("stop", "\"x\"")) },
        { "length_call_valid", () => NonStream(Request(), Body("length", "null", Call())), () => NonStream(Request(), Body("tool_calls", "null", Call())) },
        { "length_call_invalid", () => NonStream(Request(), Body("length", "null", Call("""{\"q\":1}"""))), () => NonStream(Request(), Body("length", "null", Call())) },
        { "length_call_cut_off", () => NonStream(Request(), Body("length", "null", Call("""{\"q\":\"x"""))), () => NonStream(Request(), Body("length", "null", Call())) },
        { "tool_choice_not_honoured", () => NonStream(Request(",\"tool_choice\":\"required\""), Body()), () => NonStream(Request(",\"tool_choice\":\"required\""), Body("tool_calls", "null", Call())) },
        { "tool_choice_other_function", () => NonStream(Request(",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"lookup\"}}"), Body("tool_calls", "null", Call())), () => NonStream(Request(",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"search\"}}"), Body("tool_calls", "null", Call())) },
        { "tool_choice_none_with_call", () => NonStream(Request(",\"tool_choice\":\"none\""), Body("tool_calls", "null", Call())), () => NonStream(Request(",\"tool_choice\":\"auto\""), Body("tool_calls", "null", Call())) },
        { "extra_choice_invalid_call", () => NonStream(Request(",\"n\":2"), Body(choices: CallChoices("""{\"q\":1}"""))), () => NonStream(Request(",\"n\":2"), Body(choices: CallChoices("""{\"q\":\"x\"}"""))) },
        { "unrequested_choices", () => NonStream(Request(), Body(choices: TwoChoices)), () => NonStream(Request(",\"n\":2"), Body(choices: TwoChoices)) },
        { "choice_count_mismatch", () => NonStream(Request(",\"n\":3"), Body(choices: TwoChoices)), () => NonStream(Request(",\"n\":2"), Body(choices: TwoChoices)) },
        { "usage_missing", () => NonStream(Request(), Body(usage: "null")), () => NonStream(Request(), Body()) },
        { "usage_inconsistent", () => NonStream(Request(), Body(usage: """{"prompt_tokens":3,"completion_tokens":2,"total_tokens":9}""")), () => NonStream(Request(), Body()) },
        { "missing_response_field", () => NonStream(Request(), Body().Replace("\"created\":1,", "", StringComparison.Ordinal)), () => NonStream(Request(), Body()) },
        { "stream_first_delta_without_role", () => Stream(Request(StreamOptions), GoodStream().Replace("\"role\":\"assistant\",", "", StringComparison.Ordinal)), () => Stream(Request(StreamOptions), GoodStream()) },
        { "stream_tool_call_without_index", () => Stream(Request(StreamOptions), CallStream("""{"function":{"arguments":"\"x\"}"}}""")), () => Stream(Request(StreamOptions), CallStream()) },
        { "stream_tool_call_header_repeated", () => Stream(Request(StreamOptions), CallStream("""{"index":0,"function":{"name":"search","arguments":"\"x\"}"}}""")), () => Stream(Request(StreamOptions), CallStream()) },
        { "stream_usage_missing", () => Stream(Request(StreamOptions), GoodStream().Replace("data: " + UsageChunk + "\n\n", "", StringComparison.Ordinal)), () => Stream(Request(",\"stream\":true"), GoodStream().Replace("data: " + UsageChunk + "\n\n", "", StringComparison.Ordinal)) },
        { "stream_chunk_after_finish", () => Stream(Request(StreamOptions), Sse(true, Chunk("""{"role":"assistant","content":"a"}"""), Chunk("{}", "\"stop\""), Chunk("""{"content":"late"}"""), UsageChunk)), () => Stream(Request(StreamOptions), GoodStream()) },
        { "stream_missing_done", () => Stream(Request(StreamOptions), GoodStream().Replace("data: [DONE]\n\n", "", StringComparison.Ordinal)), () => Stream(Request(StreamOptions), GoodStream()) },
        { "stream_non_json_event", () => Stream(Request(StreamOptions), GoodStream().Replace("data: [DONE]", "data: {oops\n\ndata: [DONE]", StringComparison.Ordinal)), () => Stream(Request(StreamOptions), GoodStream()) },
    };

    private const string TwoChoices = """[{"index":0,"message":{"role":"assistant","content":"a"},"finish_reason":"stop"},{"index":1,"message":{"role":"assistant","content":"b"},"finish_reason":"stop"}]""";

    private static string CallChoices(string secondArguments) =>
        $$"""[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[{{Call()}}]},"finish_reason":"tool_calls"},{"index":1,"message":{"role":"assistant","content":null,"tool_calls":[{{Call(secondArguments, "functions.search:1")}}]},"finish_reason":"tool_calls"}]""";

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_EachCode_TriggersOnItsCaseAndNotOnTheCleanOne(string code, Func<IReadOnlyList<WireFinding>> triggering, Func<IReadOnlyList<WireFinding>> clean)
    {
        // Act
        var found = triggering();
        var notFound = clean();

        // Assert
        var finding = Assert.Single(found, f => f.Code == code);
        Assert.Equal(WireCodes.Find(code)!.Severity, finding.Severity);
        Assert.DoesNotContain(notFound, f => f.Code == code);
    }

    [Fact]
    public void Cases_CoverEveryCode()
    {
        var covered = Cases.Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var missing = WireCodes.All.Select(c => c.Code).Except(covered, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "codes without a test case: " + string.Join(", ", missing));
    }

    [Fact]
    public void Check_WellFormedBodyAndStream_NoFindings()
    {
        Assert.Empty(NonStream(Request(), Body()));
        Assert.Empty(NonStream(Request(), Body("tool_calls", "null", Call())));
        Assert.Empty(Stream(Request(StreamOptions), GoodStream()));
        Assert.Empty(Stream(Request(StreamOptions), CallStream()));
    }

    [Fact]
    public void Check_LeakedMarker_EvidenceNamesTheMarkerAndField()
    {
        var finding = Assert.Single(NonStream(Request(), Body(content: "\"I will search. <|tool_calls_section_begin|> then\"")));

        Assert.Equal("choices[0].message.content", finding.Field);
        Assert.Contains("<|tool_calls_section_begin|>", finding.Excerpt, StringComparison.Ordinal);
        Assert.Equal(WireSeverity.Error, finding.Severity);
    }

    [Fact]
    public void Check_NonJsonEvent_EvidenceHasTheChunkNumber()
    {
        var sse = Sse(true, Chunk("""{"role":"assistant","content":"a"}"""), "not json", Chunk("{}", "\"stop\""), UsageChunk);

        var finding = Assert.Single(Stream(Request(StreamOptions), sse), f => f.Code == "stream_non_json_event");

        Assert.Equal(2, finding.Chunk);
        Assert.Equal("not json", finding.Excerpt);
    }

    [Fact]
    public void Check_NAsked_EveryChoiceChecked()
    {
        var choices = """[{"index":0,"message":{"role":"assistant","content":"a"},"finish_reason":"stop"},{"index":1,"message":{"role":"assistant","content":"<tool_call>"},"finish_reason":"stop"}]""";

        var finding = Assert.Single(NonStream(Request(",\"n\":2"), Body(choices: choices)));

        Assert.Equal("leaked_marker", finding.Code);
        Assert.Equal("choices[1].message.content", finding.Field);
    }

    [Fact]
    public void Docs_WireConformancePage_ListsEveryCodeWithItsSeverity()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "wire-conformance.md"));

        Assert.All(WireCodes.All, code => Assert.Contains($"| `{code.Code}` | {code.Severity} |", page, StringComparison.Ordinal));
    }

    private static string Nested(int depth) =>
        "{\\\"q\\\":\\\"x\\\",\\\"d\\\":" + string.Concat(Enumerable.Repeat("[", depth - 1)) + string.Concat(Enumerable.Repeat("]", depth - 1)) + "}";
}
