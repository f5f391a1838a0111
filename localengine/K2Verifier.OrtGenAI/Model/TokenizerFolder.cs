using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.OrtGenAI.Model;

/// <summary>What a model folder's tokenizer files say, read without loading them into GenAI.</summary>
public sealed record TokenizerFolder
{
    /// <summary>The tokenizer files found (tokenizer.json, tokenizer.model, vocab.json, merges.txt, tokenizer_config.json).</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    /// <summary>True when a file GenAI can build a tokenizer from is present (tokenizer.json or a SentencePiece tokenizer.model).</summary>
    public bool HasTokenizer { get; init; }

    /// <summary>True when tokenizer_config.json is present.</summary>
    public bool HasTokenizerConfig { get; init; }

    /// <summary>Ids in tokenizer.json (highest id + 1, added tokens included), or null without one.</summary>
    public int? VocabularySize { get; init; }

    /// <summary>Entries in tokenizer.json's model vocabulary (without added tokens), or null.</summary>
    public int? BaseVocabularySize { get; init; }

    /// <summary>True when tokenizer.json uses a byte-level pre-tokenizer (GPT-2 style), which round-trips any UTF-8.</summary>
    public bool IsByteLevel { get; init; }

    /// <summary>Where a chat template was found (<c>tokenizer_config.json</c> or a <c>.jinja</c> file), or null.</summary>
    public string? ChatTemplateSource { get; init; }

    /// <summary>tokenizer_config.json's <c>eos_token</c> and its id in tokenizer.json, when both are known.</summary>
    public (string Text, int? Id)? EosToken { get; init; }

    /// <summary>Problems reading the files (unparsable JSON), one per file.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>
    /// The added tokens marked <c>special</c> in tokenizer.json (text → id): end-of-text, chat and tool-call markers.
    /// GenAI's decoder drops them from text; the local engine writes them back where a tool-call format needs them.
    /// </summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; init; } = new Dictionary<string, int>();

    /// <summary>Inspects <paramref name="modelDirectory"/>.</summary>
    public static TokenizerFolder Read(string modelDirectory)
    {
        string[] known = ["tokenizer.json", "tokenizer.model", "vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json"];
        var files = known.Where(f => File.Exists(Path.Combine(modelDirectory, f))).ToList();
        var problems = new List<string>();
        var tokenizer = ParseObject(modelDirectory, "tokenizer.json", problems);
        var tokenizerConfig = ParseObject(modelDirectory, "tokenizer_config.json", problems);
        var vocab = tokenizer?["model"]?["vocab"] as JsonObject;
        var ids = (vocab?.Select(p => p.Value is JsonValue v && v.TryGetValue<int>(out var id) ? id : -1) ?? [])
            .Concat((tokenizer?["added_tokens"] as JsonArray ?? []).Select(t => t?["id"] is JsonValue v && v.TryGetValue<int>(out var id) ? id : -1))
            .ToList();
        var eosText = tokenizerConfig?["eos_token"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonObject o => o["content"]?.GetValue<string>(),
            _ => null,
        };
        return new TokenizerFolder
        {
            Files = files,
            HasTokenizer = files.Contains("tokenizer.json") || files.Contains("tokenizer.model"),
            HasTokenizerConfig = files.Contains("tokenizer_config.json"),
            VocabularySize = ids.Count > 0 ? ids.Max() + 1 : null,
            BaseVocabularySize = vocab?.Count,
            IsByteLevel = tokenizer?["pre_tokenizer"]?["type"]?.GetValue<string>() == "ByteLevel"
                || tokenizer?["decoder"]?["type"]?.GetValue<string>() == "ByteLevel",
            ChatTemplateSource = FindChatTemplate(modelDirectory, tokenizerConfig),
            EosToken = eosText is null ? null : (eosText, LookUp(tokenizer, vocab, eosText)),
            Problems = problems,
            SpecialTokens = ReadSpecialTokens(tokenizer),
        };
    }

    private static Dictionary<string, int> ReadSpecialTokens(JsonObject? tokenizer)
    {
        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in (tokenizer?["added_tokens"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (token["special"] is JsonValue flag && flag.TryGetValue<bool>(out var isSpecial) && isSpecial
                && token["content"] is JsonValue content && content.TryGetValue<string>(out var text)
                && token["id"] is JsonValue idValue && idValue.TryGetValue<int>(out var id))
            {
                special.TryAdd(text, id);
            }
        }

        return special;
    }

    private static string? FindChatTemplate(string modelDirectory, JsonObject? tokenizerConfig)
    {
        if (tokenizerConfig?["chat_template"] is { } template && template.ToJsonString() is not ("\"\"" or "null"))
        {
            return "tokenizer_config.json";
        }

        var jinja = Directory.EnumerateFiles(modelDirectory, "*.jinja").Select(Path.GetFileName).Order(StringComparer.Ordinal).FirstOrDefault();
        return jinja ?? (File.Exists(Path.Combine(modelDirectory, "chat_template.json")) ? "chat_template.json" : null);
    }

    private static int? LookUp(JsonObject? tokenizer, JsonObject? vocab, string text)
    {
        var added = (tokenizer?["added_tokens"] as JsonArray ?? []).FirstOrDefault(t => t?["content"]?.GetValue<string>() == text);
        if (added?["id"] is JsonValue addedId && addedId.TryGetValue<int>(out var id))
        {
            return id;
        }

        return vocab?[text] is JsonValue v && v.TryGetValue<int>(out var vocabId) ? vocabId : null;
    }

    private static JsonObject? ParseObject(string modelDirectory, string fileName, List<string> problems)
    {
        var path = Path.Combine(modelDirectory, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException("not a JSON object");
        }
        catch (JsonException ex)
        {
            problems.Add($"{fileName}: {ex.Message}");
            return null;
        }
    }
}
