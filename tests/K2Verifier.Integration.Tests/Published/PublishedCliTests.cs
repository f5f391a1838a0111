using System.Text.Json;

namespace K2Verifier.Integration.Tests.Published;

/// <summary>
/// The published CLI (<see cref="PublishedCli"/>) writes what the JIT build writes: the simulator's journals and
/// summaries, <c>score</c>, <c>compare</c>, <c>report</c>, <c>suite</c>, <c>merge</c> and the small commands, compared
/// file by file once times and folders are set aside.
/// </summary>
public sealed class PublishedCliTests(SimulatorRuns runs) : IClassFixture<SimulatorRuns>
{
    [Theory]
    [InlineData("reference")]
    [InlineData("vllm-0.11.0")]
    public void Run_Simulator_SameJournalAndSummaryAsTheJitBuild(string profile)
    {
        Assert.Equal(
            PublishedCli.Comparable(SimulatorRuns.Journal(runs.Jit, profile), runs.Jit),
            PublishedCli.Comparable(SimulatorRuns.Journal(runs.Published, profile), runs.Published));
        Assert.Equal(
            PublishedCli.Comparable(Path.Combine(runs.Jit, profile, "summary.json"), runs.Jit),
            PublishedCli.Comparable(Path.Combine(runs.Published, profile, "summary.json"), runs.Published));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(runs.Published, profile, "summary.json")));
        Assert.Equal(SimulatorRuns.Lines, summary.RootElement.GetProperty("success_count").GetInt32());
        Assert.True(summary.RootElement.GetProperty("finish_tool_calls").GetInt32() > 0, "the simulator made no tool call");
    }

    [Fact]
    public async Task ScoreWithGateAndJUnit_SameOutputAsTheJitBuild()
    {
        var (jit, published) = await BothAsync(folder =>
        [
            "score", SimulatorRuns.Journal(folder, "vllm-0.11.0"), "--baseline", SimulatorRuns.Journal(folder, "reference"),
            "--json", "--gate", "tool_call_f1>=0.99", "--junit", Path.Combine(folder, "score.junit.xml"),
        ]);

        Assert.Equal(1, published.ExitCode); // the simulated vLLM misses some tool calls the reference makes
        Assert.Equal(jit.ExitCode, published.ExitCode);
        Assert.Equal(PublishedCli.ComparableJson(jit.Out, runs.Jit), PublishedCli.ComparableJson(published.Out, runs.Published));
        Assert.Equal(JUnit(runs.Jit), JUnit(runs.Published));
    }

    [Fact]
    public async Task CompareJson_SameOutputAsTheJitBuild()
    {
        var (jit, published) = await BothAsync(folder =>
            ["compare", SimulatorRuns.Journal(folder, "reference"), SimulatorRuns.Journal(folder, "vllm-0.11.0"), "--json"]);

        Assert.Equal(0, published.ExitCode);
        Assert.Contains("\"kind\": \"trigger\"", published.Out, StringComparison.Ordinal);
        Assert.Equal(PublishedCli.Neutral(jit.Out, runs.Jit), PublishedCli.Neutral(published.Out, runs.Published));
    }

    [Fact]
    public async Task Report_SameCsvAndMarkdownAsTheJitBuild_AndDrawsChartsAndHtml()
    {
        var (jit, published) = await BothAsync(folder =>
        [
            "report", SimulatorRuns.Journal(folder, "reference"), SimulatorRuns.Journal(folder, "vllm-0.11.0"),
            "--label", "reference", "--label", "vllm", "--baseline", Path.Combine(folder, "expected.jsonl"),
            "--out", Path.Combine(folder, "report"),
        ]);

        Assert.True(published.ExitCode == 0, published.Error);
        Assert.Equal(jit.ExitCode, published.ExitCode);
        var jitReport = Path.Combine(runs.Jit, "report");
        var publishedReport = Path.Combine(runs.Published, "report");
        var written = Directory.GetFiles(publishedReport, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(publishedReport, f)).Order().ToList();
        Assert.Equal(Directory.GetFiles(jitReport, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(jitReport, f)).Order(), written);
        Assert.Contains(written, f => f.EndsWith(".svg", StringComparison.Ordinal));
        Assert.Contains(written, f => f.EndsWith(".png", StringComparison.Ordinal));
        Assert.Contains(written, f => f.EndsWith(".html", StringComparison.Ordinal));
        foreach (var file in written.Where(f => f.EndsWith(".md", StringComparison.Ordinal)))
        {
            Assert.Equal(
                PublishedCli.Neutral(File.ReadAllText(Path.Combine(jitReport, file)), runs.Jit),
                PublishedCli.Neutral(File.ReadAllText(Path.Combine(publishedReport, file)), runs.Published));
        }

        foreach (var file in written.Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            Assert.Equal(CsvWithoutTimes(Path.Combine(jitReport, file), runs.Jit), CsvWithoutTimes(Path.Combine(publishedReport, file), runs.Published));
        }

        foreach (var file in written.Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            Assert.True(new FileInfo(Path.Combine(publishedReport, file)).Length > 1000, $"{file} is (nearly) empty");
        }
    }

    [Fact]
    public async Task Suite_Simulator_SameRowsAsTheJitBuild()
    {
        var (jit, published) = await BothAsync(folder =>
            ["suite", "params", "schema", "tool-choice", "--engine", "sim", "--out", Path.Combine(folder, "suite")]);

        Assert.True(published.ExitCode == jit.ExitCode, $"published {published.ExitCode}, JIT {jit.ExitCode}: {published.Error}");
        var files = Directory.GetFiles(Path.Combine(runs.Published, "suite")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(Directory.GetFiles(Path.Combine(runs.Jit, "suite")).Select(Path.GetFileName).Order(), files);
        Assert.NotEmpty(files);
        foreach (var file in files.Where(f => f!.EndsWith(".json", StringComparison.Ordinal) || f!.EndsWith(".jsonl", StringComparison.Ordinal)))
        {
            // A suite's probes run concurrently: its rows are compared as a set.
            Assert.Equal(SuiteRows(runs.Jit, file!), SuiteRows(runs.Published, file!));
        }
    }

    [Fact]
    public async Task RunShardsThenMerge_SameCountsAsOneRun()
    {
        var folder = runs.Scratch("shards");
        foreach (var shard in new[] { "0/2", "1/2" })
        {
            var output = Path.Combine(folder, shard[0].ToString());
            var run = await PublishedCli.RunAsync(folder,
                "run", Path.Combine(runs.Published, "samples.jsonl"), "--engine", "sim", "--profile", "vllm-0.11.0", "--seed", "11",
                "--expected", Path.Combine(runs.Published, "expected.jsonl"), "--shard", shard,
                "--output", Path.Combine(output, "results.jsonl"), "--summary", Path.Combine(output, "summary.json"));
            Assert.True(run.ExitCode == 0, run.Error);
        }

        var merge = await PublishedCli.RunAsync(folder, "merge", Path.Combine(folder, "0"), Path.Combine(folder, "1"),
            "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json"));

        Assert.True(merge.ExitCode == 0, merge.Error);
        Assert.Equal(Runs.RunFixture.Counts(Path.Combine(runs.Published, "vllm-0.11.0", "summary.json")), Runs.RunFixture.Counts(Path.Combine(folder, "summary.json")));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    [InlineData("dataset", "check", "{dir}/samples.jsonl")]
    [InlineData("template", "lint", "{shared}/templates/kimi-k2-original.jinja")]
    [InlineData("template", "render", "--template", "{shared}/templates/kimi-k2-thinking.jinja", "--input", "{dir}/first.jsonl", "--add-generation-prompt")]
    [InlineData("schema", "validate", "--cases", "{dir}/cases.jsonl")]
    [InlineData("doctor", "{shared}/models/tiny-random-gpt2-fp32")]
    [InlineData("run", "{dir}/samples.jsonl", "--engine", "sim", "--profile", "no-such-profile")]
    public async Task SmallCommands_SameOutputAndExitCodeAsTheJitBuild(params string[] args)
    {
        var shared = Path.GetFullPath(Path.Combine(Infrastructure.CliProcess.RepositoryRoot(), "..", "shared"));
        foreach (var folder in new[] { runs.Jit, runs.Published })
        {
            File.WriteAllLines(Path.Combine(folder, "first.jsonl"), File.ReadLines(Path.Combine(folder, "samples.jsonl")).Take(1));
            File.WriteAllLines(Path.Combine(folder, "cases.jsonl"),
            [
                """{"schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"instance":{"city":"Paris"}}""",
                """{"schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]},"instance":{"town":1}}""",
                """{"schema":{"type":"string","format":"date"},"instance":"2026-13-40"}""",
            ]);
        }

        var (jit, published) = await BothAsync(folder => [.. args.Select(a => a.Replace("{dir}", folder, StringComparison.Ordinal).Replace("{shared}", shared, StringComparison.Ordinal))]);

        Assert.Equal(jit.ExitCode, published.ExitCode);
        Assert.Equal(PublishedCli.Neutral(jit.Out, runs.Jit), PublishedCli.Neutral(published.Out, runs.Published));
        Assert.Equal(PublishedCli.Neutral(jit.Error, runs.Jit), PublishedCli.Neutral(published.Error, runs.Published));
    }

    /// <summary>Runs the command both ways, each with its build's folder.</summary>
    private async Task<((int ExitCode, string Out, string Error) Jit, (int ExitCode, string Out, string Error) Published)> BothAsync(Func<string, string[]> args)
    {
        var jit = await PublishedCli.RunJitAsync(args(runs.Jit));
        var published = await PublishedCli.RunAsync(runs.Published, args(runs.Published));
        return (jit, published);
    }

    private static string JUnit(string folder) =>
        System.Text.RegularExpressions.Regex.Replace(
            PublishedCli.Neutral(File.ReadAllText(Path.Combine(folder, "score.junit.xml")), folder), "(time|timestamp)=\"[^\"]*\"", "$1=\"T\"");

    /// <summary>A CSV file's rows without its time columns (<c>*_ms</c>, <c>*_at</c>, <c>requests_per_second</c>), read by CsvHelper.</summary>
    private static List<string> CsvWithoutTimes(string path, string folder)
    {
        using var reader = global::CsvHelper.CsvReader.Create(new StringReader(PublishedCli.Neutral(File.ReadAllText(path), folder)), new() { HasHeader = false }, leaveOpen: false);
        var rows = new List<string>();
        bool[]? keep = null;
        while (reader.Read())
        {
            var fields = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            keep ??= [.. fields.Select(h => !h.EndsWith("_ms", StringComparison.Ordinal) && !h.EndsWith("_at", StringComparison.Ordinal) && h != "requests_per_second")];
            rows.Add(string.Join('|', fields.Where((_, i) => i >= keep.Length || keep[i])));
        }

        return rows;
    }

    private static List<string> SuiteRows(string folder, string file)
    {
        var path = Path.Combine(folder, "suite", file);
        var rows = file.EndsWith(".jsonl", StringComparison.Ordinal) ? File.ReadLines(path).Where(l => l.Length > 0) : [File.ReadAllText(path)];
        return [.. rows.Select(r => System.Text.RegularExpressions.Regex.Replace(PublishedCli.ComparableJson(r, folder), "\"(id|run_id|request_id)\": \"[^\"]*\"", "\"$1\": \"ID\"")).Order(StringComparer.Ordinal)];
    }
}
