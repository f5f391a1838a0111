using System.Text;
using System.Text.Json.Nodes;
using K2Verifier.Json;

namespace K2Verifier.Datasets.Importers;

/// <summary>
/// Converts BFCL v4 single-turn data (<c>BFCL_v4_*.json</c>, JSON Lines despite the ending, plus <c>possible_answer/</c>)
/// into K2VV request bodies and expectations, exactly as <c>../shared/datasets/bfcl/SOURCE.md</c> describes: categories
/// in a fixed order, the first turn's messages (role and content), tools with converted schemas and OpenAI-legal names
/// (<c>.</c>→<c>_</c>, recorded in <c>name_map</c>), no <c>tools</c> key when a question has no functions,
/// <c>temperature</c> 0.6 and <c>max_tokens</c> 4096; irrelevance categories expect <c>stop</c>.
/// </summary>
public static class BfclImporter
{
    /// <summary>The converted categories, in output order.</summary>
    public static IReadOnlyList<string> Categories { get; } =
    [
        "simple_python", "simple_java", "simple_javascript", "multiple", "parallel", "parallel_multiple", "irrelevance",
        "live_simple", "live_multiple", "live_parallel", "live_parallel_multiple", "live_irrelevance", "live_relevance",
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Reads <paramref name="rawDirectory"/> and writes <c>samples.jsonl</c> and <c>expected.jsonl</c> into <paramref name="outputDirectory"/>.</summary>
    public static async Task<ImportSummary> ImportAsync(string rawDirectory, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var missing = Categories.Select(FileName).Where(f => !File.Exists(Path.Combine(rawDirectory, f))).ToList();
        if (missing.Count == Categories.Count)
        {
            throw new FileNotFoundException($"no BFCL_v4_<category>.json file found in {rawDirectory}");
        }

        var samples = new StringBuilder();
        var expected = new StringBuilder();
        var dataIndex = 0;
        foreach (var category in Categories.Where(c => !missing.Contains(FileName(c))))
        {
            var answers = await ReadAnswersAsync(Path.Combine(rawDirectory, "possible_answer", FileName(category)), cancellationToken).ConfigureAwait(false);
            foreach (var line in await File.ReadAllLinesAsync(Path.Combine(rawDirectory, FileName(category)), cancellationToken).ConfigureAwait(false))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var entry = JsonNode.Parse(line)!.AsObject();
                var (body, nameMap) = BfclEntryConverter.ToRequest(entry);
                samples.Append(JsonText.Serialize(body)).Append('\n');
                expected.Append(JsonText.Serialize(BfclEntryConverter.ToExpectation(++dataIndex, category, entry, nameMap, answers))).Append('\n');
            }
        }

        Directory.CreateDirectory(outputDirectory);
        var samplesPath = Path.Combine(outputDirectory, "samples.jsonl");
        var expectedPath = Path.Combine(outputDirectory, "expected.jsonl");
        await File.WriteAllTextAsync(samplesPath, samples.ToString(), Utf8, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(expectedPath, expected.ToString(), Utf8, cancellationToken).ConfigureAwait(false);
        return new ImportSummary(dataIndex, [samplesPath, expectedPath], [.. missing.Select(m => $"{m} not found; category skipped")]);
    }

    private static string FileName(string category) => $"BFCL_v4_{category}.json";

    private static async Task<Dictionary<string, JsonArray>> ReadAnswersAsync(string path, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return answers;
        }

        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (!string.IsNullOrWhiteSpace(line) && JsonNode.Parse(line) is JsonObject answer
                && answer["id"]?.GetValue<string>() is { } id && answer["ground_truth"] is JsonArray truth)
            {
                answers[id] = truth;
            }
        }

        return answers;
    }
}
