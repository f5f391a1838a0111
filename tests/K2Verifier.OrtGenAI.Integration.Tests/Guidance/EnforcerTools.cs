using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

/// <summary>Two declared tools with the schema features the bounds rewrite: free strings, numbers, arrays, enums.</summary>
internal static class EnforcerTools
{
    public static ToolDefinition Weather { get; } = new("get_weather", JsonNode.Parse("""
        {"type": "object",
         "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1, "maximum": 14},
                        "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]}, "hourly": {"type": "boolean"}},
         "required": ["city", "days", "unit"]}
        """)!.AsObject());

    public static ToolDefinition Search { get; } = new("search", JsonNode.Parse("""
        {"type": "object", "properties": {"query": {"type": "string", "minLength": 1}, "limit": {"type": "number"},
                                          "filters": {"type": "array", "items": {"type": "string"}}},
         "required": ["query", "filters"]}
        """)!.AsObject());

    public static IReadOnlyList<ToolDefinition> Both { get; } = [Weather, Search];

    public static ToolDefinition Named(string name) => Both.Single(t => t.Name == name);
}
