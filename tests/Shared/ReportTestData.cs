using System.Globalization;
using System.Text;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Tests.Support;

/// <summary>
/// Deterministic results journals for report tests: every row's finish_reason, validity, duration and category follow
/// from its data_index (no randomness), and one row answers with hostile markup.
/// </summary>
public static class ReportTestData
{
    /// <summary>A model answer that would run script if a report ever put it into the page as markup.</summary>
    public const string HostileAnswer = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"></script><!-- & done";

    /// <summary>The data_index whose answer is <see cref="HostileAnswer"/> in <see cref="VendorRows"/>.</summary>
    public const int HostileIndex = 22;

    private const string Tools = """[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""";

    private static readonly string[] Categories = ["simple", "multiple", "parallel", "irrelevance"];

    /// <summary>The expected finish_reason of a data_index: <c>stop</c> for the irrelevance category, else tool_calls.</summary>
    public static string Expected(int index) => Category(index) == "irrelevance" ? "stop" : "tool_calls";

    public static string Category(int index) => Categories[index % Categories.Length];

    /// <summary>
    /// A vendor's rows 1..<paramref name="count"/>; <paramref name="flavour"/> shifts which rows go wrong so two vendors differ:
    /// every 11th (+flavour) row triggers the opposite of the expectation, every 13th tool call has a schema violation,
    /// every 17th request fails with a timeout, every 19th stops with length.
    /// </summary>
    public static IReadOnlyList<CaseResult> VendorRows(int count, int flavour = 0, string model = "kimi-k2-0905-preview") =>
        [.. Enumerable.Range(1, count).Select(i => VendorRow(i, flavour, model))];

    public static CaseResult VendorRow(int index, int flavour, string model)
    {
        var duration = 200 + (index * 37 % 1800) + (flavour * 50);
        if ((index + flavour) % 17 == 0)
        {
            return Row(index, model, CaseStatus.Failed, null, null, duration) with { Attempts = 4, Error = new CaseError("timeout", "timed out after 600 s") };
        }

        if ((index + flavour) % 19 == 0)
        {
            return Row(index, model, CaseStatus.Success, "length", Message("Let me think about it", null), duration);
        }

        var callsTool = (Expected(index) == "tool_calls") != ((index + flavour) % 11 == 0);
        if (!callsTool)
        {
            var content = index == HostileIndex ? HostileAnswer : $"It is sunny in city {index}.";
            return Row(index, model, CaseStatus.Success, "stop", Message(content, null), duration);
        }

        var arguments = (index + flavour) % 13 == 0 ? """{"city": 42}""" : """{"city": "Paris"}""";
        return Row(index, model, CaseStatus.Success, "tool_calls", Message(null, arguments), duration);
    }

    /// <summary>Writes rows as a results.jsonl; returns its path.</summary>
    public static string WriteJournal(string path, IEnumerable<CaseResult> rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, rows.Select(CaseResultSerializer.ToJson), new UTF8Encoding(false));
        return path;
    }

    /// <summary>Writes an expectations baseline (data_index, expected_finish_reason, category) for 1..<paramref name="count"/>.</summary>
    public static string WriteExpectations(string path, int count)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, Enumerable.Range(1, count).Select(i =>
            string.Create(CultureInfo.InvariantCulture, $$"""{"data_index": {{i}}, "expected_finish_reason": "{{Expected(i)}}", "category": "{{Category(i)}}"}""")));
        return path;
    }

    private static string Message(string? content, string? arguments)
    {
        var text = content is null ? "null" : System.Text.Json.JsonSerializer.Serialize(content);
        var calls = arguments is null
            ? "null"
            : "[{\"id\":\"functions.get_weather:0\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":" + System.Text.Json.JsonSerializer.Serialize(arguments) + "}}]";
        return $$"""{"role":"assistant","content":{{text}},"tool_calls":{{calls}}}""";
    }

    private static CaseResult Row(int index, string model, string status, string? finish, string? message, long duration)
    {
        var request = string.Create(CultureInfo.InvariantCulture, $$"""{"messages":[{"role":"user","content":"What is the weather in city {{index}}?"}],"model":"{{model}}","tools":{{Tools}}}""");
        var response = status == CaseStatus.Success
            ? string.Create(CultureInfo.InvariantCulture, $$$"""{"id":"chatcmpl-{{{index}}}","object":"chat.completion","choices":[{"index":0,"message":{{{message}}},"finish_reason":"{{{finish}}}"}],"usage":{"prompt_tokens":{{{100 + index}}},"completion_tokens":{{{10 + (index % 7)}}},"total_tokens":{{{110 + index + (index % 7)}}}}}""")
            : """{"error":"timed out after 600 s"}""";
        return new CaseResult
        {
            DataIndex = index,
            RequestJson = request,
            ResponseJson = response,
            Status = status,
            FinishReason = finish,
            LastRunAt = string.Create(CultureInfo.InvariantCulture, $"2025-11-15T10:{index / 60 % 60:00}:{index % 60:00}.000000"),
            DurationMs = duration,
            Hash = string.Create(CultureInfo.InvariantCulture, $"hash{index}"),
            ToolCallChecks = finish == "tool_calls" ? [new ToolCallCheck(0, "get_weather", true)] : [],
        };
    }
}
