using System.Text.Json.Nodes;
using K2Verifier.Dataset;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.Preparation;

public sealed class ToolIdNormalizerTests
{
    private const string Conversation = """
        [{"role":"user","content":"q"},
         {"role":"assistant","content":"","tool_calls":[
            {"id":"search:0","type":"function","function":{"name":"search","arguments":"{}"}},
            {"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":"{}"}}]},
         {"role":"tool","tool_call_id":"search:0","content":"r1"},
         {"role":"tool","tool_call_id":"call_abc","content":"r2"},
         {"role":"assistant","content":"","tool_calls":[
            {"id":"search:0","type":"function","function":{"name":"search","arguments":"{}"}}]},
         {"role":"tool","tool_call_id":"search:0","content":"r3"}]
        """;

    [Fact]
    public void Normalize_NonStandardIds_RewritesCallsAndAnswersConsistently()
    {
        // Arrange
        var messages = Parse(Conversation);

        // Act
        var result = ToolIdNormalizer.Normalize(messages);

        // Assert
        Assert.Equal("functions.search:0", CallId(messages, 1, 0));
        Assert.Equal("functions.get_weather:1", CallId(messages, 1, 1));
        Assert.Equal("functions.search:0", messages[2]!["tool_call_id"]!.GetValue<string>());
        Assert.Equal("functions.get_weather:1", messages[3]!["tool_call_id"]!.GetValue<string>());
        Assert.Equal("functions.search:2", CallId(messages, 4, 0));
        Assert.Equal("functions.search:2", messages[5]!["tool_call_id"]!.GetValue<string>());
        Assert.Equal(6, result.Rewritten);
        Assert.Empty(result.UnmatchedToolCallIds);
    }

    [Fact]
    public void Normalize_AlreadyCanonical_LeavesConversationUntouched()
    {
        // Arrange
        var messages = Parse(Conversation);
        ToolIdNormalizer.Normalize(messages);
        var once = messages.ToJsonString();

        // Act
        var result = ToolIdNormalizer.Normalize(messages);

        // Assert
        Assert.Equal(once, messages.ToJsonString());
        Assert.Equal(0, result.Rewritten);
    }

    [Fact]
    public void Normalize_CanonicalIdWithWrongIndex_ReindexedWithItsAnswer()
    {
        // Arrange
        var messages = Parse("""
            [{"role":"assistant","content":"","tool_calls":[{"id":"functions.search:7","type":"function","function":{"name":"search","arguments":"{}"}}]},
             {"role":"tool","tool_call_id":"functions.search:7","content":"r"}]
            """);

        // Act
        ToolIdNormalizer.Normalize(messages);

        // Assert
        Assert.Equal("functions.search:0", CallId(messages, 0, 0));
        Assert.Equal("functions.search:0", messages[1]!["tool_call_id"]!.GetValue<string>());
    }

    [Fact]
    public void Normalize_UnmatchedToolMessage_ReportedAndLeftAlone()
    {
        // Arrange
        var messages = Parse("""[{"role":"user","content":"q"},{"role":"tool","tool_call_id":"orphan:3","content":"r"}]""");

        // Act
        var result = ToolIdNormalizer.Normalize(messages);

        // Assert
        Assert.Equal(["orphan:3"], result.UnmatchedToolCallIds);
        Assert.Equal("orphan:3", messages[1]!["tool_call_id"]!.GetValue<string>());
    }

    [Fact]
    public void Prepare_NormalizeToolIdsOption_RewritesOnlyWhenAsked()
    {
        // Arrange
        var line = $$"""{"messages":{{Conversation.ReplaceLineEndings(string.Empty)}}}""";
        var record = DatasetReader.Parse(new SourceLocation("d.jsonl", 1), line);

        // Act
        var normalized = new RequestPreparer(new PreparationOptions { NormalizeToolIds = true }).Prepare(record);
        var asIs = new RequestPreparer(new PreparationOptions()).Prepare(record);

        // Assert
        Assert.Contains("\"id\":\"functions.get_weather:1\"", normalized.RequestJson);
        Assert.DoesNotContain("\"search:0\"", normalized.RequestJson);
        Assert.Contains("\"id\":\"call_abc\"", asIs.RequestJson);
    }

    private static JsonArray Parse(string json) => JsonNode.Parse(json)!.AsArray();

    private static string CallId(JsonArray messages, int message, int call) =>
        messages[message]!["tool_calls"]![call]!["id"]!.GetValue<string>();
}
