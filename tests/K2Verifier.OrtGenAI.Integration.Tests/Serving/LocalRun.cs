using System.Text.Json;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

/// <summary>
/// One <c>run --engine local</c> on tiny-random-gpt2 through the CLI in process, with the test's hermes-style template
/// (tests/TestData/LocalEngine/hermes-mini.jinja), greedy decoding, and its journal, summary and report in a
/// temporary folder.
/// </summary>
internal sealed record LocalRun(int ExitCode, string Out, string Error, JsonElement[] Rows, JsonElement Summary, string Folder)
{
    /// <summary>
    /// The first 40 lines of ../shared/datasets/bfcl/samples.jsonl. With the test template and the trimmed tokenizer,
    /// lines 6 and 35 render to 554 and 528 tokens, beyond the model's 512-token context; the other 38 fit.
    /// </summary>
    public static string FirstFortyBfclLines(TemporaryFolder folder)
    {
        var path = Path.Combine(folder.Path, "bfcl-40.jsonl");
        File.WriteAllLines(path, File.ReadLines(Repository.Shared("datasets", "bfcl", "samples.jsonl")).Take(40));
        return path;
    }

    public static string Template => Path.Combine(Repository.Root, "tests", "TestData", "LocalEngine", "hermes-mini.jinja");

    public static Task<LocalRun> RunAsync(TemporaryFolder folder, string samples, params string[] extra) =>
        RunOnAsync(TestModels.Gpt2, folder, samples, extra);

    /// <summary>The same run on the model in <paramref name="modelDirectory"/>.</summary>
    public static async Task<LocalRun> RunOnAsync(string modelDirectory, TemporaryFolder folder, string samples, params string[] extra)
    {
        var output = Path.Combine(folder.Path, "results.jsonl");
        var summary = Path.Combine(folder.Path, "summary.json");
        string[] args =
        [
            "run", samples, "--engine", "local", "--model-dir", modelDirectory,
            "--chat-template", Template, "--tool-format", "hermes", "--temperature", "0",
            "--output", output, "--summary", summary, .. extra,
        ];
        var (exitCode, stdout, stderr) = await CliRunner.RunAsync(args);
        var rows = File.Exists(output) ? File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToArray() : [];
        var summaryJson = File.Exists(summary) ? JsonDocument.Parse(File.ReadAllText(summary)).RootElement : default;
        return new LocalRun(exitCode, stdout, stderr, rows, summaryJson, folder.Path);
    }

    public int Count(string key) => Summary.GetProperty(key).GetInt32();
}
