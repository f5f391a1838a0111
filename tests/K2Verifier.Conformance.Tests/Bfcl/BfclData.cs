using System.Text.Json;
using K2Verifier.Conformance.Tests.Infrastructure;

namespace K2Verifier.Conformance.Tests.Bfcl;

/// <summary>Reads ../shared/datasets/bfcl: the argument files joined to each tool's <c>parameters</c> in samples.jsonl.</summary>
internal static class BfclData
{
    private static readonly Lazy<string[]> Samples = new(() => File.ReadAllLines(SharedData.Require(Path.Combine(SharedData.Bfcl, "samples.jsonl"))));
    private static readonly Lazy<IReadOnlyList<BfclCall>> ValidCalls = new(() => Load("valid_arguments.jsonl"));
    private static readonly Lazy<IReadOnlyList<BfclCall>> InvalidCalls = new(() => Load("invalid_arguments.jsonl"));

    public static IReadOnlyList<BfclCall> Valid => ValidCalls.Value;

    public static IReadOnlyList<BfclCall> Invalid => InvalidCalls.Value;

    /// <summary>Every distinct tool schema in samples.jsonl (for schema mutations).</summary>
    public static IEnumerable<JsonElement> ToolSchemas() =>
        Samples.Value.Where(l => l.Length > 0).SelectMany(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("tools", out var tools)
                ? tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("parameters").Clone()).ToList()
                : [];
        });

    private static List<BfclCall> Load(string file)
    {
        var calls = new List<BfclCall>();
        foreach (var line in File.ReadLines(SharedData.Require(Path.Combine(SharedData.Bfcl, file))))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var dataIndex = root.GetProperty("data_index").GetInt32();
            var name = root.GetProperty("name").GetString()!;
            calls.Add(new BfclCall(dataIndex, name, root.GetProperty("arguments").Clone(), SchemaOf(dataIndex, name)));
        }

        return calls;
    }

    private static JsonElement SchemaOf(int dataIndex, string name)
    {
        using var sample = JsonDocument.Parse(Samples.Value[dataIndex - 1]);
        foreach (var tool in sample.RootElement.GetProperty("tools").EnumerateArray())
        {
            var function = tool.GetProperty("function");
            if (function.GetProperty("name").GetString() == name)
            {
                return function.GetProperty("parameters").Clone();
            }
        }

        throw new InvalidOperationException($"samples.jsonl line {dataIndex} declares no tool named '{name}'.");
    }
}
