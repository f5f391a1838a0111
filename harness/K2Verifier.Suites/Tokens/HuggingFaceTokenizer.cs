using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace K2Verifier.Suites.Tokens;

/// <summary>
/// Maps a Hugging Face <c>tokenizer.json</c> with a byte-level BPE model onto <see cref="BpeTokenizer"/>: vocab,
/// merges (either <c>"a b"</c> strings or <c>["a","b"]</c> pairs), every added token as a special token (Hugging Face
/// matches them before pre-tokenizing), and the <c>Split</c> regexes of the pre-tokenizer in order.
/// </summary>
internal static class HuggingFaceTokenizer
{
    public static PromptTokenizer Load(string path)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new FormatException($"{path}: not a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{path}: not JSON: {ex.Message}", ex);
        }

        var model = root["model"] as JsonObject ?? throw new FormatException($"{path}: field \"model\" is missing");
        if (model["type"]?.ToString() is { } type && type != "BPE")
        {
            throw new FormatException($"{path}: model.type \"{type}\" is not supported (only byte-level BPE)");
        }

        var vocab = (model["vocab"] as JsonObject ?? throw new FormatException($"{path}: field \"model.vocab\" is missing"))
            .Select(p => new KeyValuePair<string, int>(p.Key, p.Value!.GetValue<int>())).ToList();
        var merges = (model["merges"] as JsonArray ?? []).Select(m => m is JsonArray pair ? $"{pair[0]} {pair[1]}" : m!.ToString()).ToList();
        var added = (root["added_tokens"] as JsonArray ?? []).OfType<JsonObject>()
            .ToDictionary(t => t["content"]!.ToString(), t => t["id"]!.GetValue<int>(), StringComparer.Ordinal);
        var splits = SplitPatterns(root["pre_tokenizer"]).Select(p => new Regex(p, RegexOptions.CultureInvariant)).ToList();
        if (splits.Count == 0)
        {
            splits.Add(new Regex(PromptTokenizer.DefaultByteLevelPattern, RegexOptions.CultureInvariant));
        }

        var options = new BpeOptions(vocab)
        {
            Merges = merges,
            SpecialTokens = added,
            PreTokenizer = new SplitSequencePreTokenizer(splits, added.Keys.ToList()),
            ByteLevel = true,
        };
        var tokenizer = BpeTokenizer.Create(options);
        return new PromptTokenizer(tokenizer, string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(path)} (BPE, {vocab.Count} tokens, {added.Count} added, {splits.Count} split regex{(splits.Count == 1 ? string.Empty : "es")})"));
    }

    private static IEnumerable<string> SplitPatterns(JsonNode? node)
    {
        if (node is not JsonObject pre)
        {
            yield break;
        }

        if (pre["type"]?.ToString() == "Sequence")
        {
            foreach (var inner in (pre["pretokenizers"] as JsonArray ?? []).SelectMany(SplitPatterns))
            {
                yield return inner;
            }
        }
        else if (pre["type"]?.ToString() == "Split" && pre["pattern"]?["Regex"]?.ToString() is { } regex)
        {
            yield return regex;
        }
        else if (pre["type"]?.ToString() == "Split" && pre["pattern"]?["String"]?.ToString() is { } literal)
        {
            yield return Regex.Escape(literal);
        }
    }
}
