using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

public sealed class ToolCallGrammarTests
{
    [Fact]
    public void Build_TwoTools_OneAlternativePerToolInsideTheWrapper()
    {
        var grammar = ToolCallGrammar.Build([new ToolDefinition("get_weather", null), new ToolDefinition("search", null)]);

        var lines = grammar.TrimEnd().Split('\n');
        Assert.Equal("start: \"<tool_call>\" call \"</tool_call>\"", lines[0]);
        Assert.Equal("call: call_0 | call_1", lines[1]);
        Assert.StartsWith("call_0: %json {\"type\":\"object\",\"properties\":{\"name\":{\"const\":\"get_weather\"}", lines[2]);
        Assert.StartsWith("call_1: %json {\"type\":\"object\",\"properties\":{\"name\":{\"const\":\"search\"}", lines[3]);
    }

    [Fact]
    public void Build_UnboundedSchema_GetsStringNumberArrayAndObjectBounds()
    {
        var schema = JsonNode.Parse("""
            {"type": "object", "properties": {
              "city": {"type": "string"}, "days": {"type": "integer", "minimum": 1}, "ratio": {"type": "number"},
              "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b"]}}, "any": {}},
             "required": ["city"]}
            """)!.AsObject();

        var call = CallSchema(ToolCallGrammar.Build([new ToolDefinition("f", schema)], new ToolCallGrammarOptions { MaxStringLength = 10, MaxNumberDigits = 3 }));
        var arguments = call["properties"]!["arguments"]!;

        Assert.Equal(10, (int)arguments["properties"]!["city"]!["maxLength"]!);
        Assert.Equal((1.0, 999.0), ((double)arguments["properties"]!["days"]!["minimum"]!, (double)arguments["properties"]!["days"]!["maximum"]!));
        Assert.Equal("integer", (string)arguments["properties"]!["ratio"]!["type"]!);
        Assert.Equal(4, (int)arguments["properties"]!["tags"]!["maxItems"]!);
        Assert.Null(arguments["properties"]!["tags"]!["items"]!["maxLength"]);
        Assert.Equal("string", (string)arguments["properties"]!["any"]!["type"]!);
        Assert.False((bool)arguments["additionalProperties"]!);
        Assert.False((bool)call["x-guidance"]!["whitespace_flexible"]!);
    }

    [Fact]
    public void Build_WrapperWithQuotesAndNewlines_IsEscapedAsLarkLiteral()
    {
        var grammar = ToolCallGrammar.Build([new ToolDefinition("f", null)], new ToolCallGrammarOptions { Prefix = "<|call|>\n\"", Suffix = "\\end" });

        Assert.StartsWith("start: \"<|call|>\\n\\\"\" call \"\\\\end\"", grammar);
    }

    [Fact]
    public void Build_NoTools_Throws()
    {
        Assert.Throws<ArgumentException>(() => ToolCallGrammar.Build([]));
    }

    internal static JsonObject CallSchema(string grammar, int index = 0)
    {
        var line = grammar.Split('\n').Single(l => l.StartsWith($"call_{index}: %json ", StringComparison.Ordinal));
        return JsonNode.Parse(line[$"call_{index}: %json ".Length..])!.AsObject();
    }
}
