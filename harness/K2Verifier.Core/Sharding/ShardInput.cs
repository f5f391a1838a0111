namespace K2Verifier.Sharding;

/// <summary>One shard given to <c>merge</c>: its manifest, where the manifest was found, and its journal's path.</summary>
public sealed record ShardInput(string ManifestPath, ShardManifest Manifest)
{
    /// <summary>The journal named by the manifest, in the manifest's folder.</summary>
    public string JournalPath => Path.Combine(Path.GetDirectoryName(ManifestPath) ?? string.Empty, Manifest.Journal);

    /// <summary>How the shard is named in messages: <c>shard 2/4 (out/s2/results.manifest.json)</c>.</summary>
    public string Describe() => $"shard {Manifest.ShardIndex}/{Manifest.ShardCount} ({ManifestPath})";
}
