using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace K2Verifier.Sharding;

/// <summary>Reads and writes <c>NAME.manifest.json</c> beside a shard's journal <c>NAME.jsonl</c>.</summary>
public static class ShardManifestFile
{
    /// <summary>The suffix every manifest file name ends with.</summary>
    public const string Suffix = ".manifest.json";

    private static readonly ShardManifestJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary><c>out/results.jsonl</c> → <c>out/results.manifest.json</c>.</summary>
    public static string PathFor(string journalPath) =>
        Path.Combine(Path.GetDirectoryName(journalPath) ?? string.Empty, Path.GetFileNameWithoutExtension(journalPath) + Suffix);

    /// <summary>Writes the manifest atomically (temporary file, then rename).</summary>
    public static async Task WriteAsync(ShardManifest manifest, string path, CancellationToken cancellationToken = default)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, JsonSerializer.Serialize(manifest, Context.ShardManifest) + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a manifest; throws <see cref="InvalidDataException"/> naming the file and the problem.</summary>
    public static ShardManifest Read(string path)
    {
        try
        {
            var manifest = JsonSerializer.Deserialize(File.ReadAllText(path), Context.ShardManifest)
                ?? throw new InvalidDataException($"{path}: empty manifest");
            if (manifest.Format != ShardManifest.CurrentFormat)
            {
                throw new InvalidDataException($"{path}: format \"{manifest.Format}\" is not {ShardManifest.CurrentFormat}");
            }

            return manifest;
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: not a shard manifest: {ex.Message}", ex);
        }
    }

    /// <summary>sha256 (lower-case hex) of a file.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
