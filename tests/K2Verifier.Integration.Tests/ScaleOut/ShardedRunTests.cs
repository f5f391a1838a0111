using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Integration.Tests.Runs;

namespace K2Verifier.Integration.Tests.ScaleOut;

/// <summary>
/// Four shards of a k2v-4000 slice, each a separate CLI process against the simulator (shard chosen by --shard, by a
/// Kubernetes Indexed Job's variable, by SLURM's and by K2V_SHARD), merged: the merged journal equals one unsharded run
/// row by row, and the merged summary equals its summary.
/// </summary>
public sealed class ShardedRunTests
{
    private const int Lines = 240;

    [Fact]
    public async Task Merge_FourShardProcesses_EqualsOneUnshardedRun()
    {
        // Arrange
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        string[] engine = ["--engine", "sim", "--profile", "vllm-0.11.0", "--seed", "11"];

        // Act: one whole run, four shard runs in parallel, then the merge.
        var single = await CliProcess.RunAsync(folder, ["run", dataset, .. engine, "--output", "single/results.jsonl", "--summary", "single/summary.json"]);
        Assert.True(single.ExitCode == 0, single.Error);
        var shards = await Task.WhenAll(
            CliProcess.RunAsync(folder, ["run", dataset, .. engine, "--shard", "0/4", "--output", "shards/0/results.jsonl", "--summary", "shards/0/summary.json"]),
            CliProcess.RunAsync(folder, ["run", dataset, .. engine, "--shards", "4", "--output", "shards/1/results.jsonl", "--summary", "shards/1/summary.json"], Env("JOB_COMPLETION_INDEX", "1")),
            CliProcess.RunAsync(folder, ["run", dataset, .. engine, "--output", "shards/2/results.jsonl", "--summary", "shards/2/summary.json"], Env("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "1", "SLURM_ARRAY_TASK_COUNT", "4")),
            CliProcess.RunAsync(folder, ["run", dataset, .. engine, "--output", "shards/3/results.jsonl", "--summary", "shards/3/summary.json"], Env("K2V_SHARD", "3/4")));
        Assert.All(shards, s => Assert.True(s.ExitCode == 0, s.Error));
        var merge = await CliProcess.RunAsync(folder, ["merge", "shards", "--output", "merged/results.jsonl", "--summary", "merged/summary.json"]);

        // Assert
        Assert.True(merge.ExitCode == 0, merge.Error);
        var shardRows = Enumerable.Range(0, 4).Select(i => File.ReadLines(Path.Combine(folder, "shards", $"{i}", "results.jsonl")).Count()).ToList();
        Assert.All(shardRows, n => Assert.InRange(n, 1, Lines - 1));
        Assert.Equal(Lines, shardRows.Sum());
        var expected = Rows(Path.Combine(folder, "single", "results.jsonl"));
        var actual = Rows(Path.Combine(folder, "merged", "results.jsonl"));
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (index, row) in expected)
        {
            var differing = row.Keys.Where(k => !actual[index].TryGetValue(k, out var value) || value != row[k]).ToList();
            Assert.True(differing.Count == 0, $"data_index {index} differs in: {string.Join(", ", differing)}");
        }

        Assert.Equal(Counts(Path.Combine(folder, "single", "summary.json")), Counts(Path.Combine(folder, "merged", "summary.json")));
    }

    [Fact]
    public async Task Merge_ShardsOfDifferentProfiles_RefusedNamingTheSetting()
    {
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        Assert.Equal(0, (await CliProcess.RunAsync(folder, ["run", dataset, "--engine", "sim", "--profile", "reference", "--shard", "0/2", "--output", "a/results.jsonl", "--summary", "a/summary.json"])).ExitCode);
        Assert.Equal(0, (await CliProcess.RunAsync(folder, ["run", dataset, "--engine", "sim", "--profile", "vllm-0.11.0", "--shard", "1/2", "--output", "b/results.jsonl", "--summary", "b/summary.json"])).ExitCode);

        var merge = await CliProcess.RunAsync(folder, ["merge", "a", "b", "--output", "merged.jsonl", "--summary", "merged.json"]);

        Assert.Equal(2, merge.ExitCode);
        Assert.Contains("settings.profile", merge.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "merged.jsonl")));
    }

    [Fact]
    public async Task Merge_MissingShard_Exit2UnlessAllowed_ThenExit3()
    {
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        Assert.Equal(0, (await CliProcess.RunAsync(folder, ["run", dataset, "--engine", "sim", "--shard", "0/2", "--output", "s0/results.jsonl", "--summary", "s0/summary.json"])).ExitCode);

        var refused = await CliProcess.RunAsync(folder, ["merge", "s0", "--output", "m.jsonl", "--summary", "m.json"]);
        var allowed = await CliProcess.RunAsync(folder, ["merge", "s0", "--allow-missing", "--output", "m.jsonl", "--summary", "m.json"]);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("missing shard(s) 1 of 2", refused.Error, StringComparison.Ordinal);
        Assert.Equal(3, allowed.ExitCode);
        Assert.True(File.Exists(Path.Combine(folder, "m.jsonl")));
    }

    private static Dictionary<string, string> Env(params string[] pairs) =>
        Enumerable.Range(0, pairs.Length / 2).ToDictionary(i => pairs[2 * i], i => pairs[(2 * i) + 1]);

    /// <summary>Each row's fields without its timings (and the response's <c>created</c> clock), by data_index.</summary>
    private static SortedDictionary<int, Dictionary<string, string>> Rows(string path)
    {
        var rows = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var line in File.ReadLines(path))
        {
            var row = JsonNode.Parse(line)!.AsObject();
            (row["response"] as JsonObject)?.Remove("created");
            rows[row["data_index"]!.GetValue<int>()] = row.Where(p => p.Key is not ("last_run_at" or "duration_ms" or "ttft_ms"))
                .ToDictionary(p => p.Key, p => p.Value?.ToJsonString() ?? "null");
        }

        return rows;
    }

    private static string Counts(string summaryPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(summaryPath));
        string[] timings = ["eval_started_at", "eval_finished_at", "eval_duration_ms", "run", "requests_per_second", "latency_ms", "ttft_ms"];
        return string.Join("\n", document.RootElement.EnumerateObject().Where(p => !timings.Contains(p.Name)).Select(p => $"{p.Name}={p.Value.GetRawText()}"));
    }
}
