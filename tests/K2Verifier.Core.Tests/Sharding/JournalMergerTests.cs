using System.Globalization;
using K2Verifier.Sharding;

namespace K2Verifier.Core.Tests.Sharding;

public sealed class JournalMergerTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "k2v-merge-tests", Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Merge_TwoShards_OneSortedJournal()
    {
        // Arrange: hashes chosen so that each row belongs to the shard it is written in.
        WriteShard(0, 2, [Row(3, HashIn(0, 2, 1)), Row(1, HashIn(0, 2, 2))]);
        WriteShard(1, 2, [Row(2, HashIn(1, 2, 3))]);
        var problems = new List<string>();
        var shards = ShardSet.Load([_folder], problems)!;
        var output = Path.Combine(_folder, "merged", "results.jsonl");

        // Act
        var report = JournalMerger.Merge(shards, output);

        // Assert
        Assert.Empty(problems);
        Assert.Equal(3, report.Rows);
        Assert.True(report.IsComplete);
        Assert.Equal([1, 2, 3], DataIndices(output));
    }

    [Fact]
    public void Merge_SameRowInTwoJournals_LatestRunWins()
    {
        var hash = HashIn(0, 1, 7);
        WriteShard(0, 1, [Row(1, hash, "2026-12-01T10:00:00", "failed")], "a");
        WriteShard(0, 1, [Row(1, hash, "2026-12-02T10:00:00", "success")], "b");
        var shards = ShardSet.Load([_folder], [])!;
        var output = Path.Combine(_folder, "results.merged.jsonl");

        var report = JournalMerger.Merge(shards, output);

        Assert.Equal(1, report.DuplicateRows);
        Assert.Equal([0], report.DuplicatedShards);
        Assert.Contains("\"success\"", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SettingsDiffer_NamesTheField()
    {
        WriteShard(0, 2, [Row(1, HashIn(0, 2, 1))], model: "kimi-k2");
        WriteShard(1, 2, [Row(2, HashIn(1, 2, 2))], model: "kimi-k2-thinking");
        var problems = new List<string>();

        var shards = ShardSet.Load([_folder], problems);

        Assert.Null(shards);
        var problem = Assert.Single(problems);
        Assert.Contains("settings.model", problem, StringComparison.Ordinal);
        Assert.Contains("kimi-k2-thinking", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JournalChangedAfterManifest_Refused()
    {
        var journal = WriteShard(0, 1, [Row(1, HashIn(0, 1, 1))]);
        File.AppendAllText(journal, Row(2, HashIn(0, 1, 2)) + "\n");
        var problems = new List<string>();

        Assert.Null(ShardSet.Load([_folder], problems));
        Assert.Contains(problems, p => p.Contains("changed since its manifest", StringComparison.Ordinal));
    }

    [Fact]
    public void Merge_MissingShardAndMissingRows_Reported()
    {
        WriteShard(0, 3, [Row(1, HashIn(0, 3, 1))], assigned: 2);
        WriteShard(2, 3, [Row(3, HashIn(2, 3, 3))]);
        var shards = ShardSet.Load([_folder], [])!;

        var report = JournalMerger.Merge(shards, Path.Combine(_folder, "out.jsonl"));

        Assert.Equal([1], report.MissingShards);
        Assert.Contains(report.MissingRows, m => m.Contains("1 of 2 requests have no row", StringComparison.Ordinal));
        Assert.False(report.IsComplete);
    }

    [Fact]
    public void Merge_RowInTheWrongShard_Reported()
    {
        WriteShard(0, 2, [Row(1, HashIn(1, 2, 1))]);
        WriteShard(1, 2, []);
        var shards = ShardSet.Load([_folder], [])!;

        var report = JournalMerger.Merge(shards, Path.Combine(_folder, "out.jsonl"));

        Assert.Single(report.MisplacedRows);
    }

    [Fact]
    public void Load_FolderWithoutManifest_SaysSo()
    {
        var empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        var problems = new List<string>();

        Assert.Null(ShardSet.Load([empty], problems));
        Assert.Contains(problems, p => p.Contains("no shard manifest", StringComparison.Ordinal));
    }

    private string WriteShard(int index, int count, string[] rows, string? name = null, string model = "m", int? assigned = null)
    {
        var directory = Path.Combine(_folder, name ?? $"s{index}");
        Directory.CreateDirectory(directory);
        var journal = Path.Combine(directory, "results.jsonl");
        File.WriteAllLines(journal, rows);
        var manifest = new ShardManifest
        {
            HarnessVersion = "test",
            Dataset = "samples.jsonl",
            DatasetSha256 = "abc",
            ShardIndex = index,
            ShardCount = count,
            Settings = new Dictionary<string, string> { ["model"] = $"\"{model}\"" },
            Journal = "results.jsonl",
            Assigned = assigned,
            Rows = rows.Length,
            JournalSha256 = ShardManifestFile.Sha256(journal),
            Complete = true,
        };
        ShardManifestFile.WriteAsync(manifest, ShardManifestFile.PathFor(journal)).GetAwaiter().GetResult();
        return journal;
    }

    private static string Row(int dataIndex, string hash, string lastRunAt = "2026-12-01T10:00:00", string status = "success") =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"data_index":{{dataIndex}},"request":{},"status":"{{status}}","last_run_at":"{{lastRunAt}}","hash":"{{hash}}"}""");

    /// <summary>An md5-shaped hash that falls in shard <paramref name="index"/> of <paramref name="count"/>.</summary>
    private static string HashIn(int index, int count, int seed)
    {
        for (var i = seed * 1000; ; i++)
        {
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))[..32];
            if (ShardSpec.Of(hash, count) == index)
            {
                return hash;
            }
        }
    }

    private static List<int> DataIndices(string path) =>
        [.. File.ReadAllLines(path).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("data_index").GetInt32())];
}
