using System.Text.Json;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.LocalEngine.Tests.TestSupport;

/// <summary>
/// One case of tests/TestData/ParseParity/*.jsonl: a completion text and what the official engine's parser makes of it,
/// transcribed from vLLM's and SGLang's parser tests (each case names its repository, path, commit and test).
/// </summary>
public sealed record ParseParityCase(string Name, string Format, string Source, string Text, IReadOnlyList<ParseParityCall> Calls, string? Content, int IncompleteToolCalls, string? Note)
{
    public static string Folder => Path.Combine(Repository.Root, "tests", "TestData", "ParseParity");

    public static IReadOnlyList<ParseParityCase> All { get; } = Load();

    public override string ToString() => $"{Format}: {Name}";

    private static List<ParseParityCase> Load()
    {
        var cases = new List<ParseParityCase>();
        foreach (var file in Directory.GetFiles(Folder, "*.jsonl").Order(StringComparer.Ordinal))
        {
            var lineNumber = 0;
            foreach (var line in File.ReadLines(file))
            {
                lineNumber++;
                using var row = JsonDocument.Parse(line);
                var r = row.RootElement;
                var where = $"{Path.GetFileName(file)}:{lineNumber}";
                cases.Add(new ParseParityCase(
                    $"{where} {r.GetProperty("case").GetString()}",
                    r.GetProperty("format").GetString()!,
                    $"{r.GetProperty("repo").GetString()} {r.GetProperty("path").GetString()}@{r.GetProperty("commit").GetString()}",
                    r.GetProperty("text").GetString()!,
                    [.. r.GetProperty("calls").EnumerateArray().Select(c => new ParseParityCall(
                        c.TryGetProperty("id", out var id) ? id.GetString() : null,
                        c.GetProperty("name").GetString()!,
                        c.GetProperty("arguments").GetString()!))],
                    r.GetProperty("content").GetString(),
                    r.GetProperty("incomplete_tool_calls").GetInt32(),
                    r.TryGetProperty("note", out var note) ? note.GetString() : null));
            }
        }

        return cases;
    }
}

/// <summary>An expected call: the id when the engine's test fixes it, the name, and the arguments text.</summary>
public sealed record ParseParityCall(string? Id, string Name, string Arguments);
