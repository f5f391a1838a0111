using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Datasets.Generation.Catalog;
using K2Verifier.Datasets.Generation.Conversations;
using K2Verifier.Json;

namespace K2Verifier.Datasets.Generation;

/// <summary>
/// Writes <c>samples.jsonl</c>, <c>expected.jsonl</c> and <c>manifest.json</c> for the generated requests: UTF-8
/// without BOM, <c>\n</c> line endings, readable non-ASCII text; byte-identical for the same seed and version.
/// </summary>
public static class K2v4000Writer
{
    /// <summary>The file names written into the output folder.</summary>
    public const string SamplesFile = "samples.jsonl";

    /// <inheritdoc cref="SamplesFile"/>
    public const string ExpectedFile = "expected.jsonl";

    /// <inheritdoc cref="SamplesFile"/>
    public const string ManifestFile = "manifest.json";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The three files' contents, by file name.</summary>
    public static IReadOnlyDictionary<string, byte[]> Render(ulong seed = K2v4000Generator.DefaultSeed)
    {
        var cases = K2v4000Generator.Generate(seed);
        var samples = new StringBuilder();
        var expected = new StringBuilder();
        for (var i = 0; i < cases.Count; i++)
        {
            samples.Append(JsonText.Serialize(cases[i].Body)).Append('\n');
            expected.Append(JsonText.Serialize(ExpectedRow(i + 1, cases[i]))).Append('\n');
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [SamplesFile] = Utf8.GetBytes(samples.ToString()),
            [ExpectedFile] = Utf8.GetBytes(expected.ToString()),
        };
        files[ManifestFile] = Utf8.GetBytes(Manifest(seed, cases, files).ToJsonString(Indented) + "\n");
        return files;
    }

    /// <summary>Generates and writes the three files into <paramref name="outputDirectory"/>; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string outputDirectory, ulong seed = K2v4000Generator.DefaultSeed, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        foreach (var (name, bytes) in Render(seed))
        {
            var path = Path.Combine(outputDirectory, name);
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }

    /// <summary>Lower-case hex sha256.</summary>
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static JsonObject ExpectedRow(int dataIndex, GeneratedCase item) => new()
    {
        ["data_index"] = dataIndex,
        ["category"] = item.Category,
        ["language"] = LanguageCode(item),
        ["expected_finish_reason"] = item.ExpectedFinishReason,
        ["expected_calls"] = new JsonArray([.. item.ExpectedCalls.Select(c => (JsonNode)c)]),
    };

    private static JsonObject Manifest(ulong seed, IReadOnlyList<GeneratedCase> cases, Dictionary<string, byte[]> files)
    {
        var fileInfo = new JsonObject();
        foreach (var (name, bytes) in files)
        {
            fileInfo[name] = new JsonObject { ["sha256"] = Sha256(bytes), ["bytes"] = bytes.LongLength, ["lines"] = cases.Count };
        }

        return new JsonObject
        {
            ["name"] = "k2v-4000",
            ["generator"] = "K2Verifier.Datasets.Generation.K2v4000Generator",
            ["generator_version"] = K2v4000Generator.Version,
            ["seed"] = seed,
            ["files"] = fileInfo,
            ["counts"] = new JsonObject
            {
                ["requests"] = cases.Count,
                ["expected_tool_calls"] = cases.Count(c => c.ExpectedCalls.Count > 0),
                ["expected_stop"] = cases.Count(c => c.ExpectedCalls.Count == 0),
                ["categories"] = Categories(cases),
                ["languages"] = CountBy(cases, LanguageCode),
                ["stream"] = cases.Count(c => c.Body["stream"] is not null),
                ["tool_choice"] = CountBy(cases, ToolChoiceOf),
                ["with_historical_calls"] = cases.Count(c => c.HasHistoricalCalls),
                ["non_standard_id_requests"] = cases.Count(c => c.HasHistoricalCalls && c.IdStyle != ToolIdStyle.Canonical),
                ["id_styles_of_requests_with_history"] = CountBy(cases.Where(c => c.HasHistoricalCalls), c => c.IdStyle.ToString()),
                ["long_context_over_8k_tokens"] = cases.Count(c => c.EstimatedTokens > 8000),
                ["tools"] = ToolCatalog.All.Count,
                ["domains"] = ToolCatalog.Domains.Count,
            },
        };
    }

    private static string LanguageCode(GeneratedCase item) => item.Language switch
    {
        Text.Language.English => "en",
        Text.Language.Chinese => "zh",
        _ => "mixed",
    };

    private static string ToolChoiceOf(GeneratedCase item) => item.Body["tool_choice"] switch
    {
        null => "absent",
        JsonObject => "function",
        var value => value.GetValue<string>(),
    };

    private static JsonObject Categories(IReadOnlyList<GeneratedCase> cases)
    {
        var result = new JsonObject();
        foreach (var category in CaseCategories.All)
        {
            result[category.Name] = cases.Count(c => c.Category == category.Name);
        }

        return result;
    }

    private static JsonObject CountBy(IEnumerable<GeneratedCase> cases, Func<GeneratedCase, string> key)
    {
        var result = new JsonObject();
        foreach (var group in cases.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            result[group.Key] = group.Count();
        }

        return result;
    }
}
