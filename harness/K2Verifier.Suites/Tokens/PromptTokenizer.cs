using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;

namespace K2Verifier.Suites.Tokens;

/// <summary>
/// Counts prompt tokens with Microsoft.ML.Tokenizers: a Hugging Face <c>tokenizer.json</c> (byte-level BPE: vocab,
/// merges, added tokens, the <c>Split</c> pre-tokenizer regexes) or a tiktoken file (e.g. Kimi K2's
/// <c>tiktoken.model</c>, with the added tokens of a <c>tokenizer_config.json</c> beside it).
/// </summary>
public sealed class PromptTokenizer
{
    /// <summary>
    /// The pre-tokenizer pattern of tiktoken files: o200k_base's, from openai/tiktoken
    /// <c>tiktoken_ext/openai_public.py</c> (Kimi K2's pattern is the same with Han runs split apart first).
    /// </summary>
    public const string TiktokenPattern =
        @"[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?"
        + @"|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    private const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    private readonly Tokenizer _tokenizer;

    /// <summary>Wraps a loaded tokenizer.</summary>
    public PromptTokenizer(Tokenizer tokenizer, string description)
    {
        _tokenizer = tokenizer ?? throw new ArgumentNullException(nameof(tokenizer));
        Description = description;
    }

    /// <summary>What was loaded, for the summary (e.g. <c>tokenizer.json (BPE, 151665 tokens)</c>).</summary>
    public string Description { get; }

    /// <summary>Tokens in <paramref name="text"/> (special tokens count one each; no BOS is added).</summary>
    public int Count(string text) => _tokenizer.CountTokens(text);

    /// <summary>Token ids of <paramref name="text"/>.</summary>
    public IReadOnlyList<int> Encode(string text) => _tokenizer.EncodeToIds(text);

    /// <summary>Loads <paramref name="path"/>: a folder (its <c>tokenizer.json</c>, else its <c>*.tiktoken</c>/<c>tiktoken.model</c>), a <c>.json</c> file or a tiktoken file.</summary>
    /// <exception cref="FormatException">The file is not a tokenizer this loader understands; the message names it.</exception>
    public static PromptTokenizer Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            var json = Path.Combine(path, "tokenizer.json");
            var tiktoken = Directory.EnumerateFiles(path, "*.tiktoken").Concat(Directory.EnumerateFiles(path, "tiktoken.model")).FirstOrDefault();
            path = File.Exists(json) ? json : tiktoken ?? throw new FormatException($"{path}: no tokenizer.json, *.tiktoken or tiktoken.model in this folder");
        }

        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? HuggingFaceTokenizer.Load(path) : LoadTiktoken(path);
    }

    private static PromptTokenizer LoadTiktoken(string path)
    {
        var special = AddedTokens(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", "tokenizer_config.json"));
        var pre = new SplitSequencePreTokenizer([new Regex(TiktokenPattern, RegexOptions.CultureInvariant)], special.Keys.ToList());
        using var stream = File.OpenRead(path);
        try
        {
            var tokenizer = TiktokenTokenizer.Create(stream, pre, normalizer: null, specialTokens: special);
            return new PromptTokenizer(tokenizer, $"{Path.GetFileName(path)} (tiktoken, {special.Count} added tokens)");
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"{path}: not a tiktoken file (base64 token and rank per line): {ex.Message}", ex);
        }
    }

    /// <summary>The added tokens of a <c>tokenizer_config.json</c> (<c>added_tokens_decoder</c>: id → content), empty when absent.</summary>
    internal static Dictionary<string, int> AddedTokens(string configPath)
    {
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        if (File.Exists(configPath) && JsonNode.Parse(File.ReadAllText(configPath))?["added_tokens_decoder"] is JsonObject decoder)
        {
            foreach (var (id, token) in decoder)
            {
                if (int.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var value) && token?["content"]?.ToString() is { } content)
                {
                    tokens[content] = value;
                }
            }
        }

        return tokens;
    }

    internal static string DefaultByteLevelPattern => Gpt2Pattern;
}
