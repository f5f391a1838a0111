using System.Security.Cryptography;
using System.Text;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.OrtGenAI.Serving;

/// <summary>
/// Serves models whose tokenizer knows more ids than the model has logits for (tiny-random-gpt2: 50,295 against 1000):
/// such a model cannot be prompted with most ids, and guidance fails on forced literals (see
/// <see cref="VocabularyTrimmer"/>). The backend then runs on a copy whose tokenizer is trimmed to the logits, made
/// once and cached in <c>${XDG_CACHE_HOME:-~/.cache}/k2verifier/trimmed/KEY</c> (override the root with
/// <c>K2V_TRIMMED_CACHE</c>), KEY being a sha256 of the folder's path and of its config and tokenizer files.
/// </summary>
public static class TrimmedModelCache
{
    /// <summary>Part of the cache key: bumped whenever the copy's content changes, so older copies are not reused.</summary>
    private const int CopyVersion = 2;

    /// <summary>The environment variable that overrides the cache root.</summary>
    public const string EnvironmentVariable = "K2V_TRIMMED_CACHE";

    /// <summary>
    /// The folder to load: <paramref name="modelDirectory"/> itself when its tokenizer fits the logits, else the cached
    /// trimmed copy (created when missing). <paramref name="notice"/> is a one-line explanation when a copy is used.
    /// </summary>
    /// <exception cref="InvalidOperationException">A copy is needed but the tokenizer cannot be trimmed.</exception>
    public static string Resolve(string modelDirectory, out string? notice, string? cacheRoot = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        var directory = Path.GetFullPath(modelDirectory);
        var config = GenAIModelConfig.Read(directory);
        var tokenizer = TokenizerFolder.Read(directory);
        if (config.VocabSize is not { } logits || tokenizer.VocabularySize is not { } ids || ids <= logits)
        {
            notice = null;
            return directory;
        }

        var target = Path.Combine(cacheRoot ?? DefaultRoot(), Key(directory));
        var created = false;
        if (!Directory.Exists(target))
        {
            // Built beside the target and renamed, so a concurrent run never sees a half-written copy.
            var staging = $"{target}.tmp-{Guid.NewGuid():N}";
            try
            {
                VocabularyTrimmer.CreateTrimmedCopy(directory, staging, moveEndOfTextIntoLogits: true);
                Directory.Move(staging, target);
                created = true;
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another run finished the same copy first.
            }
            finally
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
        }

        notice = $"local engine: the tokenizer has {ids:N0} ids but the model only {logits:N0} logits; "
            + $"serving a copy whose tokenizer is trimmed to the logits, with the tokenizer's end-of-text token as the model's EOS ({(created ? "created" : "cached")} in {target})";
        return target;
    }

    /// <summary>The cache root: <c>K2V_TRIMMED_CACHE</c>, else <c>${XDG_CACHE_HOME:-~/.cache}/k2verifier/trimmed</c>.</summary>
    public static string DefaultRoot()
    {
        var root = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrEmpty(root) ? Path.Combine(UserCache.Folder(Environment.GetEnvironmentVariable), "trimmed") : root;
    }

    private static string Key(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{CopyVersion}\n{directory}\n"));
        foreach (var file in new[] { GenAIModelConfig.FileName, "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json" })
        {
            var path = Path.Combine(directory, file);
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\n"));
            if (File.Exists(path))
            {
                hash.AppendData(File.ReadAllBytes(path));
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
