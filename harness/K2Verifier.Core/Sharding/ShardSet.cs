namespace K2Verifier.Sharding;

/// <summary>
/// The shards given to <c>merge</c>: found from folders or manifest files, then checked to belong to one run (same
/// dataset, shard count, harness version and answer-changing settings, journals unchanged since their manifests).
/// </summary>
public sealed class ShardSet
{
    private ShardSet(IReadOnlyList<ShardInput> shards) => Shards = shards;

    /// <summary>The shards, in index order.</summary>
    public IReadOnlyList<ShardInput> Shards { get; }

    /// <summary>The shard count every manifest names.</summary>
    public int Count => Shards[0].Manifest.ShardCount;

    /// <summary>Indices 0..N-1 that no manifest covers.</summary>
    public IReadOnlyList<int> Missing => [.. Enumerable.Range(0, Count).Except(Shards.Select(s => s.Manifest.ShardIndex))];

    /// <summary>Indices that more than one manifest covers.</summary>
    public IReadOnlyList<int> Duplicated => [.. Shards.GroupBy(s => s.Manifest.ShardIndex).Where(g => g.Count() > 1).Select(g => g.Key)];

    /// <summary>
    /// Finds every <c>*.manifest.json</c> in the given folders (recursively) or the given manifest files, and checks that
    /// they belong together. Returns null with the problems when none is found or they disagree.
    /// </summary>
    public static ShardSet? Load(IEnumerable<string> paths, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var shards = new List<ShardInput>();
        foreach (var path in paths)
        {
            var manifests = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*" + ShardManifestFile.Suffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
                : File.Exists(path) ? [path] : [];
            if (manifests.Count == 0)
            {
                problems.Add(File.Exists(path) || Directory.Exists(path)
                    ? $"{path}: no shard manifest (*{ShardManifestFile.Suffix}) found; was it written by run --shard?"
                    : $"{path}: no such file or folder");
            }

            foreach (var manifest in manifests)
            {
                try
                {
                    shards.Add(new ShardInput(manifest, ShardManifestFile.Read(manifest)));
                }
                catch (InvalidDataException ex)
                {
                    problems.Add(ex.Message);
                }
            }
        }

        if (problems.Count > 0 || shards.Count == 0)
        {
            return null;
        }

        problems.AddRange(Disagreements(shards));
        return problems.Count > 0 ? null : new ShardSet([.. shards.OrderBy(s => s.Manifest.ShardIndex).ThenBy(s => s.ManifestPath, StringComparer.Ordinal)]);
    }

    /// <summary>Every field in which a shard differs from the first, and every journal changed since its manifest.</summary>
    internal static IEnumerable<string> Disagreements(IReadOnlyList<ShardInput> shards)
    {
        var first = shards[0];
        foreach (var shard in shards)
        {
            if (!File.Exists(shard.JournalPath))
            {
                yield return $"{shard.Describe()}: journal {shard.JournalPath} is missing";
            }
            else if (ShardManifestFile.Sha256(shard.JournalPath) != shard.Manifest.JournalSha256)
            {
                yield return $"{shard.Describe()}: journal {shard.JournalPath} changed since its manifest was written (journal_sha256 differs); rerun the shard";
            }

            if (shard == first)
            {
                continue;
            }

            foreach (var (field, mine, theirs) in Compare(first.Manifest, shard.Manifest))
            {
                yield return $"shards disagree on {field}: {theirs} in {first.Describe()} but {mine} in {shard.Describe()}";
            }
        }
    }

    private static IEnumerable<(string Field, string Mine, string Theirs)> Compare(ShardManifest first, ShardManifest other)
    {
        if (other.DatasetSha256 != first.DatasetSha256)
        {
            yield return ("dataset_sha256", other.DatasetSha256, first.DatasetSha256);
        }

        if (other.ShardCount != first.ShardCount)
        {
            yield return ("shard_count", $"{other.ShardCount}", $"{first.ShardCount}");
        }

        if (other.HarnessVersion != first.HarnessVersion)
        {
            yield return ("harness_version", other.HarnessVersion, first.HarnessVersion);
        }

        foreach (var key in first.Settings.Keys.Union(other.Settings.Keys).Order(StringComparer.Ordinal))
        {
            var theirs = first.Settings.GetValueOrDefault(key) ?? "(not set)";
            var mine = other.Settings.GetValueOrDefault(key) ?? "(not set)";
            if (mine != theirs)
            {
                yield return ($"settings.{key}", mine, theirs);
            }
        }
    }
}
