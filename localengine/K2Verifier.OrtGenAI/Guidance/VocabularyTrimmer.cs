using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// Makes a copy of a model folder whose BPE tokenizer knows only the ids the model has logits for (genai_config's
/// <c>vocab_size</c>). Needed for guidance on models whose logits are narrower than their tokenizer (the tiny test
/// GPT-2: 1000 against 50,295): GenAI sizes llguidance's masks to <c>vocab_size</c>, but llguidance forces a literal
/// (a tool name, a JSON key) through its canonical tokenization, and when that uses an id at or above
/// <c>vocab_size</c> the mask is empty, so any token is sampled and the grammar fails
/// (<c>Parser Error: token "…" doesn't satisfy the grammar; forced bytes: …</c>). With the trimmed tokenizer every
/// canonical tokenization stays inside the logits (GPT-2's 256 byte tokens cover any text).
/// </summary>
public static class VocabularyTrimmer
{
    /// <summary>
    /// Writes the trimmed copy to <paramref name="targetDirectory"/>: genai_config.json and tokenizer_config.json
    /// copied, model files linked (symbolic links, copies where links are not allowed), tokenizer.json trimmed.
    /// Returns the number of tokens kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder has no BPE tokenizer.json, or no vocab_size.</exception>
    public static int CreateTrimmedCopy(string modelDirectory, string targetDirectory)
    {
        var config = GenAIModelConfig.Read(modelDirectory);
        var vocabSize = config.VocabSize ?? throw new InvalidOperationException("genai_config.json has no model.vocab_size");
        var tokenizer = JsonNode.Parse(File.ReadAllText(Path.Combine(modelDirectory, "tokenizer.json"))) as JsonObject
            ?? throw new InvalidOperationException("tokenizer.json is not a JSON object");
        if (tokenizer["model"] is not JsonObject { } model || model["type"]?.GetValue<string>() != "BPE" || model["vocab"] is not JsonObject vocab)
        {
            throw new InvalidOperationException("only BPE tokenizer.json files can be trimmed");
        }

        // A new object rather than removals: JsonObject.Remove is linear, so removing 49,000 keys would be quadratic.
        var keptVocab = new JsonObject(vocab.Where(p => p.Value!.GetValue<int>() < vocabSize)
            .Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value!.GetValue<int>()))));
        var kept = keptVocab.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        model["vocab"] = keptVocab;

        if (model["merges"] is JsonArray merges)
        {
            model["merges"] = new JsonArray([.. merges.Where(m => MergeKept(m, kept)).Select(m => m!.DeepClone())]);
        }

        if (tokenizer["added_tokens"] is JsonArray added)
        {
            tokenizer["added_tokens"] = new JsonArray([.. added.Where(t => t?["id"]?.GetValue<int>() < vocabSize).Select(t => t!.DeepClone())]);
        }

        Directory.CreateDirectory(targetDirectory);
        foreach (var file in new[] { GenAIModelConfig.FileName, "tokenizer_config.json", "special_tokens_map.json" })
        {
            var source = Path.Combine(modelDirectory, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(targetDirectory, file), overwrite: true);
            }
        }

        foreach (var file in Directory.EnumerateFiles(modelDirectory).Where(f => config.ModelFiles.Contains(Path.GetFileName(f)) || f.EndsWith(".data", StringComparison.Ordinal)))
        {
            Link(file, Path.Combine(targetDirectory, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(targetDirectory, "tokenizer.json"), tokenizer.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return kept.Count;
    }

    /// <summary>A merge survives when both parts and the merged token are kept ("a b" strings or ["a", "b"] pairs).</summary>
    private static bool MergeKept(JsonNode? merge, HashSet<string> kept)
    {
        string[] parts = merge switch
        {
            JsonValue v => v.GetValue<string>().Split(' ', 2),
            JsonArray a => [.. a.Select(p => p?.GetValue<string>() ?? string.Empty)],
            _ => [],
        };
        return parts.Length == 2 && kept.Contains(parts[0]) && kept.Contains(parts[1]) && kept.Contains(parts[0] + parts[1]);
    }

    private static void Link(string source, string target)
    {
        File.Delete(target);
        try
        {
            File.CreateSymbolicLink(target, Path.GetFullPath(source));
        }
        catch (IOException)
        {
            File.Copy(source, target);
        }
        catch (UnauthorizedAccessException)
        {
            File.Copy(source, target);
        }
    }
}
