using System.Text.Json.Nodes;
using K2Verifier.Json;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Tests.TestSupport;

/// <summary>Seeded random tool calls: names, ids in Kimi's official form, and nested JSON arguments with awkward text.</summary>
internal static class ToolCallGenerator
{
    private static readonly string[] Names = ["search", "get_weather", "send_email", "calc_v2", "数据查询", "a"];
    private static readonly string[] Strings = ["上海", "x \"quoted\" y", "back\\slash", "line\nbreak", "braces {}[]", "a < b > c", "", "emoji 😀", "tab\there"];

    public static IReadOnlyList<ParsedToolCall> Calls(Random random, int? count = null)
    {
        var n = count ?? random.Next(1, 5);
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var name = Names[random.Next(Names.Length)];
            return new ParsedToolCall($"functions.{name}:{i}", name, Arguments(random));
        })];
    }

    public static string Arguments(Random random) => Object(random, depth: 0).ToJsonString(JsonText.Compact);

    private static JsonObject Object(Random random, int depth)
    {
        var result = new JsonObject();
        var keys = random.Next(depth == 0 ? 0 : 1, 4);
        for (var i = 0; i < keys; i++)
        {
            result[$"k{i}_{Strings[random.Next(Strings.Length)].Length}"] = Value(random, depth + 1);
        }

        return result;
    }

    private static JsonNode? Value(Random random, int depth) => random.Next(depth > 2 ? 4 : 6) switch
    {
        0 => Strings[random.Next(Strings.Length)],
        1 => random.Next(-1000, 1000),
        2 => random.Next(2) == 0 ? 0.25 : 1e-05,
        3 => random.Next(3) switch { 0 => true, 1 => false, _ => null },
        4 => Object(random, depth),
        _ => new JsonArray([.. Enumerable.Range(0, random.Next(3)).Select(_ => Value(random, depth + 1))]),
    };
}
