using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.OrtGenAI.Model;

/// <summary>
/// What K2Verifier reads from a model folder's <c>genai_config.json</c> without loading it: sizes for the resource
/// estimate, special token ids, the files it names. Missing values are null; <see cref="Read"/> never guesses.
/// </summary>
public sealed record GenAIModelConfig
{
    /// <summary>The file name every GenAI model folder has.</summary>
    public const string FileName = "genai_config.json";

    /// <summary><c>model.type</c>, e.g. <c>gpt2</c>, <c>lfm2</c>, <c>qwen2</c>.</summary>
    public string? ModelType { get; init; }

    /// <summary><c>model.vocab_size</c>: the width of the logits the model produces.</summary>
    public int? VocabSize { get; init; }

    /// <summary><c>model.context_length</c>: the longest sequence (prompt plus completion).</summary>
    public int? ContextLength { get; init; }

    /// <summary><c>model.eos_token_id</c> (a number or a list).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    /// <summary><c>model.bos_token_id</c>.</summary>
    public int? BosTokenId { get; init; }

    /// <summary><c>model.pad_token_id</c>.</summary>
    public int? PadTokenId { get; init; }

    /// <summary><c>model.decoder.num_hidden_layers</c>.</summary>
    public int? HiddenLayers { get; init; }

    /// <summary><c>model.decoder.num_key_value_heads</c>.</summary>
    public int? KeyValueHeads { get; init; }

    /// <summary><c>model.decoder.head_size</c>.</summary>
    public int? HeadSize { get; init; }

    /// <summary><c>model.decoder.hidden_size</c> (used with <c>num_attention_heads</c> when <c>head_size</c> is absent).</summary>
    public int? HiddenSize { get; init; }

    /// <summary><c>model.decoder.num_attention_heads</c>.</summary>
    public int? AttentionHeads { get; init; }

    /// <summary>
    /// <c>model.decoder.layer_types</c> when present (hybrid models such as LFM2): only <c>full_attention</c>
    /// layers hold a KV cache.
    /// </summary>
    public IReadOnlyList<string> LayerTypes { get; init; } = [];

    /// <summary>Every <c>filename</c> under <c>model</c> (decoder, embedding, vision, speech…), relative to the folder.</summary>
    public IReadOnlyList<string> ModelFiles { get; init; } = [];

    /// <summary>Reads <c>genai_config.json</c> in <paramref name="modelDirectory"/>.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="JsonException">The file is not a JSON object with a <c>model</c> object.</exception>
    public static GenAIModelConfig Read(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        var root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new JsonException($"{path} is not a JSON object");
        var model = root["model"] as JsonObject ?? throw new JsonException($"{path} has no \"model\" object");
        var decoder = model["decoder"] as JsonObject;
        var files = new List<string>();
        CollectFileNames(model, files);
        return new GenAIModelConfig
        {
            ModelType = (model["type"] as JsonValue)?.TryGetValue<string>(out var type) == true ? type : null,
            VocabSize = Int(model["vocab_size"]),
            ContextLength = Int(model["context_length"]),
            EosTokenIds = model["eos_token_id"] is JsonArray list ? [.. list.Select(Int).OfType<int>()] : Int(model["eos_token_id"]) is { } eos ? [eos] : [],
            BosTokenId = Int(model["bos_token_id"]),
            PadTokenId = Int(model["pad_token_id"]),
            HiddenLayers = Int(decoder?["num_hidden_layers"]),
            KeyValueHeads = Int(decoder?["num_key_value_heads"]),
            HeadSize = Int(decoder?["head_size"]),
            HiddenSize = Int(decoder?["hidden_size"]),
            AttentionHeads = Int(decoder?["num_attention_heads"]),
            LayerTypes = decoder?["layer_types"] is JsonArray types ? [.. types.Select(t => t?.ToString() ?? string.Empty)] : [],
            ModelFiles = files,
        };
    }

    private static int? Int(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var number)
            ? number
            : node is JsonValue plain && plain.TryGetValue<int>(out var direct) ? direct : null;

    private static void CollectFileNames(JsonObject node, List<string> files)
    {
        foreach (var (key, value) in node)
        {
            if (key == "filename" && value is JsonValue v && v.TryGetValue<string>(out var name) && !string.IsNullOrWhiteSpace(name))
            {
                files.Add(name);
            }
            else if (value is JsonObject child)
            {
                CollectFileNames(child, files);
            }
        }
    }
}
