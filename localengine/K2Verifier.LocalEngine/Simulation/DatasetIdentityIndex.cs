using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Preparation;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// Finds a request's dataset line (its data_index) by its <see cref="RequestIdentity"/> (messages, tools,
/// tool_choice, stream). Lines with the same identity
/// are handed out in dataset order, one per request (then again from the first), so a run that sends them in order gets
/// the data_index an in-process run would use. Thread-safe.
/// </summary>
public sealed class DatasetIdentityIndex
{
    private readonly Dictionary<string, int[]> _lines;
    private readonly Dictionary<string, int> _next = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    private DatasetIdentityIndex(Dictionary<string, int[]> lines) => _lines = lines;

    /// <summary>An index of no dataset: every request is unknown.</summary>
    public static DatasetIdentityIndex Empty { get; } = new([]);

    /// <summary>How many dataset lines are indexed.</summary>
    public int Count => _lines.Values.Sum(l => l.Length);

    /// <summary>Indexes a K2VV-format dataset; <c>data_index</c> is the 1-based physical line number.</summary>
    /// <exception cref="InvalidDataException">A line is not a JSON object.</exception>
    public static DatasetIdentityIndex Read(string path)
    {
        var lines = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string identity;
            try
            {
                using var body = JsonDocument.Parse(line);
                identity = body.RootElement.ValueKind == JsonValueKind.Object
                    ? RequestIdentity.Of(body.RootElement)
                    : throw new InvalidDataException($"{path}:{number}: not a JSON object");
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{path}:{number}: not JSON ({ex.Message})", ex);
            }

            if (!lines.TryGetValue(identity, out var list))
            {
                lines[identity] = list = [];
            }

            list.Add(number);
        }

        return new DatasetIdentityIndex(lines.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>The data_index of the dataset line <paramref name="body"/> came from, or null when none matches.</summary>
    public int? Find(JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var document = JsonDocument.Parse(body.ToJsonString());
        var key = RequestIdentity.Of(document.RootElement);
        if (!_lines.TryGetValue(key, out var candidates))
        {
            return null;
        }

        if (candidates.Length == 1)
        {
            return candidates[0];
        }

        lock (_gate)
        {
            var next = _next.GetValueOrDefault(key);
            _next[key] = (next + 1) % candidates.Length;
            return candidates[next];
        }
    }
}
