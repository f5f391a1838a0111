using System.Text.Json;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Common;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Issues;

/// <summary>
/// Issue 13, "one results pipeline": every command reads its journal once and judges each tool call once, then hands
/// the scored journal to every exporter (before: run --report-dir scanned it three times and judged each call twice).
/// </summary>
public sealed class Issue_13_OneJournalRead
{
    [Fact]
    public async Task Run_WithReportDir_ScansTheJournalOnceAndJudgesEachCallOnce()
    {
        // Arrange
        var folder = Subset(40);
        var journal = Path.Combine(folder, "r.jsonl");
        using var counter = new ResultsWorkCounter();

        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim", "--profile", "vllm-0.11.0", "--seed", "3",
            "--output", journal, "--summary", Path.Combine(folder, "s.json"), "--baseline", Path.Combine(folder, "expected.jsonl"),
            "--report-dir", Path.Combine(folder, "report"), "--junit", Path.Combine(folder, "junit.xml"));

        // Assert
        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.True(File.Exists(Path.Combine(folder, "report", "index.html")));
        Assert.Equal(1, counter.Scans(journal));
        Assert.True(CallsInJournal(journal) > 0);
        Assert.Equal(CallsInJournal(journal), counter.Judged);
    }

    [Fact]
    public async Task Run_OutcomesJudgedAsRowsFinished_GiveTheSummaryScoreGivesOnTheJournal()
    {
        // Arrange: the run reuses each row's outcome judged when it finished instead of judging the row read back.
        var folder = Subset(40);
        var journal = Path.Combine(folder, "r.jsonl");
        var baseline = Path.Combine(folder, "expected.jsonl");
        var run = await CliRunner.RunAsync(
            "run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim", "--profile", "vllm-0.11.0", "--seed", "3",
            "--output", journal, "--summary", Path.Combine(folder, "s.json"), "--baseline", baseline);
        Assert.True(run.ExitCode == (int)ExitCode.Ok, run.Error);

        // Act
        var score = await CliRunner.RunAsync("score", journal, "--baseline", baseline, "--json");

        // Assert: every metric agrees; only the run's metadata differs.
        using var ran = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "s.json")));
        using var scored = JsonDocument.Parse(score.Out);
        foreach (var property in scored.RootElement.EnumerateObject().Where(p => p.Name is not ("run" or "model" or "eval_started_at" or "eval_finished_at" or "eval_duration_ms" or "requests_per_second")))
        {
            Assert.True(ran.RootElement.TryGetProperty(property.Name, out var value), property.Name);
            Assert.Equal((property.Name, property.Value.GetRawText()), (property.Name, value.GetRawText()));
        }
    }

    [Theory]
    [InlineData("score")]
    [InlineData("report")]
    public async Task ScoreAndReport_ScanTheJournalOnceAndJudgeEachCallOnce(string command)
    {
        // Arrange
        var (folder, journal) = await RunAsync();
        using var counter = new ResultsWorkCounter();
        string[] args = command == "score"
            ? ["score", journal, "--baseline", Path.Combine(folder, "expected.jsonl"), "--report-dir", Path.Combine(folder, "again"), "--junit", Path.Combine(folder, "j.xml"), "--cross-check"]
            : ["report", journal, "--baseline", Path.Combine(folder, "expected.jsonl"), "--out", Path.Combine(folder, "again")];

        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync(args);

        // Assert
        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.Equal(1, counter.Scans(journal));
        Assert.Equal(CallsInJournal(journal), counter.Judged);
    }

    [Fact]
    public async Task Compare_ScansEachJournalOnceAndJudgesEachCallOnce()
    {
        // Arrange
        var (_, a) = await RunAsync();
        var (_, b) = await RunAsync();
        using var counter = new ResultsWorkCounter();

        // Act
        var (exitCode, _, error) = await CliRunner.RunAsync("compare", a, b);

        // Assert
        Assert.True(exitCode == (int)ExitCode.Ok, error);
        Assert.Equal(1, counter.Scans(a));
        Assert.Equal(1, counter.Scans(b));
        Assert.Equal(CallsInJournal(a) + CallsInJournal(b), counter.Judged);
    }

    private static async Task<(string Folder, string Journal)> RunAsync()
    {
        var folder = Subset(40);
        var journal = Path.Combine(folder, "r.jsonl");
        var (exitCode, _, error) = await CliRunner.RunAsync(
            "run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim", "--profile", "vllm-0.11.0", "--seed", "3",
            "--output", journal, "--summary", Path.Combine(folder, "s.json"));
        Assert.True(exitCode == (int)ExitCode.Ok, error);
        return (folder, journal);
    }

    /// <summary>The tool calls a judge sees: those of successful rows that finished with tool_calls.</summary>
    private static int CallsInJournal(string journal) => File.ReadLines(journal).Sum(line =>
    {
        using var row = JsonDocument.Parse(line);
        var root = row.RootElement;
        if (root.GetProperty("status").GetString() != "success" || root.GetProperty("finish_reason").GetString() != "tool_calls")
        {
            return 0;
        }

        return root.GetProperty("response").GetProperty("choices")[0].GetProperty("message").TryGetProperty("tool_calls", out var calls)
            && calls.ValueKind == JsonValueKind.Array ? calls.GetArrayLength() : 0;
    });

    private static string Subset(int lines)
    {
        var k2v4000 = Path.Combine(Repository.Root, "datasets", "k2v-4000");
        var folder = Directory.CreateTempSubdirectory("k2v-one-read-").FullName;
        File.WriteAllLines(Path.Combine(folder, "samples.jsonl"), File.ReadLines(Path.Combine(k2v4000, "samples.jsonl")).Take(lines));
        File.Copy(Path.Combine(k2v4000, "expected.jsonl"), Path.Combine(folder, "expected.jsonl"));
        return folder;
    }
}
