using System.Text.Json;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>One request's label: whether a tool should be called, and which tools in order.</summary>
/// <param name="FinishReason"><c>tool_calls</c> or <c>stop</c>.</param>
/// <param name="Calls">The expected tool names in order (empty for <c>stop</c>).</param>
public sealed record ExpectedLabel(string FinishReason, IReadOnlyList<string> Calls)
{
    /// <summary>The label of a request without one: answer in text.</summary>
    public static ExpectedLabel Stop { get; } = new("stop", []);

    /// <summary>True when the label asks for tool calls.</summary>
    public bool IsToolCall => FinishReason == "tool_calls";
}

/// <summary>The labels the policy model follows, by data_index (an <c>expected.jsonl</c>).</summary>
public sealed class ExpectedLabels
{
    private readonly Dictionary<int, ExpectedLabel> _labels;

    private ExpectedLabels(Dictionary<int, ExpectedLabel> labels) => _labels = labels;

    /// <summary>No labels: every request is answered in text.</summary>
    public static ExpectedLabels Empty { get; } = new([]);

    /// <summary>How many labels there are.</summary>
    public int Count => _labels.Count;

    /// <summary>The label of <paramref name="dataIndex"/>, or <see cref="ExpectedLabel.Stop"/>.</summary>
    public ExpectedLabel For(int dataIndex) => _labels.GetValueOrDefault(dataIndex, ExpectedLabel.Stop);

    /// <summary>Reads an <c>expected.jsonl</c>: <c>{"data_index", "expected_finish_reason", "expected_calls"}</c> per line.</summary>
    /// <exception cref="InvalidDataException">A line is not such an object.</exception>
    public static ExpectedLabels Read(string path)
    {
        var labels = new Dictionary<int, ExpectedLabel>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var index = root.GetProperty("data_index").GetInt32();
                var finish = root.GetProperty("expected_finish_reason").GetString() ?? "stop";
                var calls = root.TryGetProperty("expected_calls", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToArray()
                    : [];
                labels[index] = new ExpectedLabel(finish, calls);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"{path}:{number}: not an expected label ({ex.Message})", ex);
            }
        }

        return new ExpectedLabels(labels);
    }
}
