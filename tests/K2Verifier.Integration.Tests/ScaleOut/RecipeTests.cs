using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using K2Verifier.Cli;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Integration.Tests.Runs;
using YamlDotNet.RepresentationModel;

namespace K2Verifier.Integration.Tests.ScaleOut;

/// <summary>
/// The scale-out recipes in docs/recipes, parsed as their schedulers read them and run for real against the simulator
/// with one local process per shard: the SLURM array scripts, the Kubernetes Indexed Job's container arguments (against
/// <c>simulate</c> over HTTP) and the GitHub Actions workflow's shard and merge steps.
/// </summary>
public sealed partial class RecipeTests
{
    private const int Lines = 160;
    private static readonly string Recipes = Path.Combine(CliProcess.RepositoryRoot(), "docs", "recipes");

    [Fact]
    public async Task SlurmArray_FourTasksThenMerge_OneCompleteRun()
    {
        // Arrange
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        var env = new Dictionary<string, string>
        {
            ["K2V"] = $"dotnet {CliProcess.CliDllPath()}",
            ["DATASET"] = dataset,
            ["OUT"] = Path.Combine(folder, "nightly"),
            ["TARGET"] = "--engine sim --profile reference",
            ["BASELINE"] = Path.Combine(folder, "expected.jsonl"),
            ["SLURM_ARRAY_TASK_COUNT"] = "4",
            ["SLURM_ARRAY_TASK_MIN"] = "0",
        };

        // Act
        var tasks = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            CliProcess.RunProgramAsync("bash", folder, [Path.Combine(Recipes, "slurm-array.sh")], new Dictionary<string, string>(env) { ["SLURM_ARRAY_TASK_ID"] = $"{i}" })));
        var merge = await CliProcess.RunProgramAsync("bash", folder, [Path.Combine(Recipes, "slurm-merge.sh")], env);

        // Assert
        Assert.All(tasks, t => Assert.True(t.ExitCode == 0, t.Error));
        Assert.True(merge.ExitCode == 0, merge.Out + merge.Error);
        Assert.Equal(Lines, TotalRows(Path.Combine(folder, "nightly", "summary.json")));
        Assert.True(File.Exists(Path.Combine(folder, "nightly", "junit.xml")));
    }

    [Fact]
    public async Task KubernetesIndexedJob_CompletionsThenMergeJob_OneCompleteRun()
    {
        // Arrange: the manifest as Kubernetes reads it, and the simulator over HTTP as the deployment.
        var documents = Yaml(Path.Combine(Recipes, "kubernetes-indexed-job.yaml"));
        var shards = documents[0];
        Assert.Equal("Indexed", Scalar(shards, "spec", "completionMode"));
        var completions = int.Parse(Scalar(shards, "spec", "completions"), CultureInfo.InvariantCulture);
        var shardArgs = Args(shards);
        Assert.Equal($"{completions}", shardArgs[shardArgs.IndexOf("--shards") + 1]);
        var mergeArgs = Args(documents[1]);
        Assert.Equal("merge", mergeArgs[0]);
        var folder = RunFixture.Folder();
        var dataset = K2v4000Slice.Write(folder, Lines);
        using var simulatorOut = new SignallingWriter("simulating ");
        using var stop = new CancellationTokenSource();
        var simulator = CliApp.RunAsync(["simulate", "--profile", "reference", "--port", "0", "--dataset", dataset], new CliConsole(simulatorOut, TextWriter.Null), stop.Token);
        var baseUrl = UrlPattern().Match(await simulatorOut.Line.Task.WaitAsync(TimeSpan.FromMinutes(2))).Value;

        // Act: every completion index as its own process, with Kubernetes' $(VAR) expansion, then the merge Job.
        var env = new Dictionary<string, string> { ["BASE_URL"] = baseUrl, ["MODEL"] = "kimi-k2" };
        var runs = await Task.WhenAll(Enumerable.Range(0, completions).Select(i =>
            CliProcess.RunAsync(folder, Expand(shardArgs, env, folder, dataset, i), new Dictionary<string, string> { ["JOB_COMPLETION_INDEX"] = $"{i}" })));
        var merge = await CliProcess.RunAsync(folder, Expand(mergeArgs, env, folder, dataset, null));
        await stop.CancelAsync();
        await simulator;

        // Assert
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.True(merge.ExitCode == 0, merge.Out + merge.Error);
        Assert.Equal(Lines, TotalRows(Path.Combine(folder, "results", "summary.json")));
    }

    [Fact]
    public async Task GitHubActionsNightly_ShardMatrixThenMerge_OneCompleteRunPerVendor()
    {
        // Arrange: the workflow as GitHub reads it.
        var workflow = Yaml(Path.Combine(Recipes, "github-actions-nightly.yml"))[0];
        var shardJob = Node(workflow, "jobs", "shard");
        var mergeJob = Node(workflow, "jobs", "merge");
        var shards = ((YamlSequenceNode)Node(shardJob, "strategy", "matrix", "shard")).Children.Select(c => ((YamlScalarNode)c).Value!).ToList();
        Assert.Equal("shard", Scalar(mergeJob, "needs"));
        var shardStep = Step(shardJob, "run shard");
        var mergeStep = Step(mergeJob, "merge and gate");
        Assert.Contains($"/{shards.Count}", Scalar(shardStep, "env", "SHARD"), StringComparison.Ordinal);
        var folder = RunFixture.Folder();
        K2v4000Slice.Write(folder, Lines, Path.Combine("datasets", "k2v-4000"));
        var cli = $"dotnet {CliProcess.CliDllPath()}";

        // Act: each matrix cell's step in its own process (one vendor), then the merge step.
        var runs = await Task.WhenAll(shards.Select(shard => RunStepAsync(shardStep, folder, cli, new() { ["matrix.vendor"] = "vendor-a", ["matrix.shard"] = shard })));
        foreach (var shard in shards)
        {
            // download-artifact with a pattern puts each artifact in a folder named after it
            Directory.Move(Path.Combine(folder, "out", "vendor-a", "shards", shard), Path.Combine(folder, "out", "vendor-a", "shards", $"shard-vendor-a-{shard}"));
        }

        var merge = await RunStepAsync(mergeStep, folder, cli, new() { ["matrix.vendor"] = "vendor-a" });

        // Assert
        Assert.All(runs, r => Assert.True(r.ExitCode == 0, r.Error));
        Assert.True(merge.ExitCode == 0, merge.Out + merge.Error);
        Assert.Equal(Lines, TotalRows(Path.Combine(folder, "out", "vendor-a", "summary.json")));
    }

    /// <summary>Runs a workflow step's <c>run:</c> with bash: <c>${{ … }}</c> expressions from <paramref name="values"/>, the CLI for ./run.sh, the simulator as the target.</summary>
    private static Task<(int ExitCode, string Out, string Error)> RunStepAsync(YamlMappingNode step, string folder, string cli, Dictionary<string, string> values)
    {
        string Expand(string text) => ExpressionPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : "unused");
        var env = ((YamlMappingNode)step.Children[new YamlScalarNode("env")]).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => Expand(((YamlScalarNode)p.Value).Value!));
        env["TARGET"] = "--engine sim --profile reference";
        var script = Expand(Scalar(step, "run")).Replace("./run.sh", cli, StringComparison.Ordinal);
        return CliProcess.RunProgramAsync("bash", folder, ["-euo", "pipefail", "-c", script], env);
    }

    private static List<string> Expand(List<string> args, Dictionary<string, string> env, string folder, string dataset, int? index) =>
        [.. args.Skip(args[0] == "k2verifier" ? 1 : 0).Select(a => KubernetesVariable().Replace(a, m => m.Groups[1].Value == "JOB_COMPLETION_INDEX" ? $"{index}" : env[m.Groups[1].Value])
            .Replace("/data/k2v-4000/samples.jsonl", dataset, StringComparison.Ordinal)
            .Replace("/data/k2v-4000/expected.jsonl", Path.Combine(folder, "expected.jsonl"), StringComparison.Ordinal)
            .Replace("/results", Path.Combine(folder, "results"), StringComparison.Ordinal))];

    private static List<YamlMappingNode> Yaml(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value!;

    private static List<string> Args(YamlMappingNode job)
    {
        var container = (YamlMappingNode)((YamlSequenceNode)Node(job, "spec", "template", "spec", "containers")).Children[0];
        return [.. ((YamlSequenceNode)Node(container, "args")).Children.Select(c => ((YamlScalarNode)c).Value!)];
    }

    private static YamlMappingNode Step(YamlNode job, string name) =>
        ((YamlSequenceNode)Node(job, "steps")).Children.Cast<YamlMappingNode>().Single(s => s.Children.TryGetValue(new YamlScalarNode("name"), out var n) && ((YamlScalarNode)n).Value == name);

    private static int TotalRows(string summaryPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(summaryPath));
        return document.RootElement.GetProperty("total_rows").GetInt32();
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/v1")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex ExpressionPattern();

    [GeneratedRegex(@"\$\(([A-Z_]+)\)")]
    private static partial Regex KubernetesVariable();
}
