using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

/// <summary>
/// Two copies of tiny-random-gpt2 for the Enforcer, made once per test class, both with the tokenizer trimmed to the
/// 1000 logits and a real end-of-text token: the original config ends generation on id 98, which in GPT-2 is the byte
/// 0xA5, so a sampled UTF-8 continuation byte inside a JSON string would end the completion mid-call. Here id 989
/// becomes an added special <c>&lt;|endoftext|&gt;</c> and the EOS. <see cref="TokenMarkersPath"/> also has the Kimi
/// K2 and DeepSeek V3 tool-call markers as special tokens 990–999, as in those models' own tokenizers.
/// </summary>
public sealed class EnforcerGpt2 : IDisposable
{
    private const int EndOfTextId = 989;

    private static readonly string[] Markers =
    [
        "<|tool_calls_section_begin|>", "<|tool_calls_section_end|>", "<|tool_call_begin|>", "<|tool_call_argument_begin|>", "<|tool_call_end|>",
        "<｜tool▁calls▁begin｜>", "<｜tool▁calls▁end｜>", "<｜tool▁call▁begin｜>", "<｜tool▁sep｜>", "<｜tool▁call▁end｜>",
    ];

    private readonly TemporaryFolder _textMarkers = new();
    private readonly TemporaryFolder _tokenMarkers = new();

    public EnforcerGpt2()
    {
        Create(_textMarkers.Path, ["<|endoftext|>"]);
        Create(_tokenMarkers.Path, ["<|endoftext|>", .. Markers]);
        SpecialTokens = Markers.Select((marker, i) => (marker, i)).ToDictionary(p => p.marker, p => EndOfTextId + 1 + p.i, StringComparer.Ordinal);
    }

    /// <summary>Markers are text (the tokenizer has no such tokens).</summary>
    public string TextMarkersPath => _textMarkers.Path;

    /// <summary>Kimi K2 and DeepSeek V3 markers are special tokens (<see cref="SpecialTokens"/>).</summary>
    public string TokenMarkersPath => _tokenMarkers.Path;

    /// <summary>Marker text → token id in <see cref="TokenMarkersPath"/>, as a caller fills <see cref="ToolCallGrammarOptions.SpecialTokens"/>.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    public void Dispose()
    {
        _textMarkers.Dispose();
        _tokenMarkers.Dispose();
    }

    /// <summary>A trimmed copy whose ids from 989 on are the given added special tokens, 989 the EOS.</summary>
    private static void Create(string folder, string[] specialTokens)
    {
        VocabularyTrimmer.CreateTrimmedCopy(TestModels.Gpt2, folder);
        var path = Path.Combine(folder, "tokenizer.json");
        var tokenizer = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        var model = tokenizer["model"]!.AsObject();
        var vocab = model["vocab"]!.AsObject();
        var replaced = vocab.Where(p => p.Value!.GetValue<int>() >= EndOfTextId && p.Value!.GetValue<int>() < EndOfTextId + specialTokens.Length)
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        model["vocab"] = new JsonObject(vocab.Where(p => !replaced.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value!.GetValue<int>()))));
        model["merges"] = new JsonArray([.. model["merges"]!.AsArray().Where(m => !replaced.Contains(MergedToken(m!))).Select(m => m!.DeepClone())]);
        tokenizer["added_tokens"] = new JsonArray([.. specialTokens.Select((content, i) => (JsonNode)new JsonObject
        {
            ["id"] = EndOfTextId + i, ["content"] = content, ["single_word"] = false, ["lstrip"] = false, ["rstrip"] = false,
            ["normalized"] = false, ["special"] = true,
        })]);
        File.WriteAllText(path, tokenizer.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

        var configPath = Path.Combine(folder, "genai_config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        foreach (var key in new[] { "eos_token_id", "pad_token_id", "bos_token_id" })
        {
            config["model"]![key] = EndOfTextId;
        }

        File.WriteAllText(configPath, config.ToJsonString());
    }

    private static string MergedToken(JsonNode merge) => merge is JsonArray pair
        ? string.Concat(pair.Select(p => p!.GetValue<string>()))
        : merge.GetValue<string>().Replace(" ", string.Empty, StringComparison.Ordinal);
}
