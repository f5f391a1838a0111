using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Integration.Tests.FakeVendor;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Validation;

namespace K2Verifier.Integration.Tests.Runs;

/// <summary>Datasets for the fake vendor (the last user message is the script key) and a runner wired to it.</summary>
internal static class RunFixture
{
    public const string WeatherTool = """[{"type":"function","function":{"name":"get_weather","description":"Current weather in a city","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]""";

    public static string Folder()
    {
        var path = Path.Combine(Path.GetTempPath(), "k2v-integration", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes one request per key (streamed when the key ends with <c>-stream</c>); returns the dataset path.</summary>
    public static string Dataset(string folder, IEnumerable<string> keys)
    {
        var path = Path.Combine(folder, "samples.jsonl");
        File.WriteAllLines(path, keys.Select(key =>
            $$"""{"messages":[{"role":"_input","content":"You are a weather bot."},{"role":"user","content":"{{key}}"}],"tools":{{WeatherTool}},"temperature":0.6{{(key.EndsWith("-stream", StringComparison.Ordinal) ? ",\"stream\":true" : "")}}}"""));
        return path;
    }

    public static RunOptions Options(string dataset, int concurrency = 8) => new()
    {
        DatasetPath = dataset,
        OutputPath = Path.Combine(Path.GetDirectoryName(dataset)!, "results.jsonl"),
        SummaryPath = Path.Combine(Path.GetDirectoryName(dataset)!, "summary.json"),
        Concurrency = concurrency,
        Preparation = new() { Model = FakeVendorRequests.Model },
        Endpoint = "fake",
    };

    public static Task<RunReport> RunAsync(IChatBackend backend, RunOptions options, CancellationToken cancellationToken) =>
        new Runner(backend, new CaseEvaluator(JsonSchemaValidator.Default), TimeProvider.System, new SilentObserver()).RunAsync(options, cancellationToken);

    /// <summary>
    /// <c>run DATASET --base-url URL --model m</c> in process, with the journal and summary beside the dataset and
    /// <paramref name="extra"/> arguments; returns the exit code and what went to stdout and stderr.
    /// </summary>
    public static async Task<(int Exit, string Out, string Error)> RunCliAsync(string baseUrl, string dataset, string[] extra, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetDirectoryName(dataset)!;
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        string[] args = ["run", dataset, "--base-url", baseUrl, "--model", "m",
            "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json"), .. extra];
        var exit = await Cli.CliApp.RunAsync(args, new Cli.CliConsole(output, error), cancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>A summary.json's counts (outcomes, finish reasons, schema errors, usage, error categories) as one line.</summary>
    public static string Counts(string summaryPath)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summaryPath));
        string[] keys = ["success_count", "failure_count", "finish_stop", "finish_tool_calls", "finish_others", "schema_validation_error_count", "successful_tool_call_count", "usage", "error_categories", "total_rows"];
        return string.Join("; ", keys.Select(k => $"{k}={document.RootElement.GetProperty(k).GetRawText()}"));
    }

    public static Dictionary<int, CaseResult> Rows(string resultsPath) =>
        ResultsFile.Read(resultsPath).Select(r => r.Result!).ToDictionary(r => r.DataIndex);

    private sealed class SilentObserver : IRunObserver
    {
        public void DatasetLineSkipped(DatasetRecord record)
        {
        }

        public void Started(int datasetLines)
        {
        }

        public void CaseFinished(CaseResult result, RunProgress progress)
        {
        }
    }
}
