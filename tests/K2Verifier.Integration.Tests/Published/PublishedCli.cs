using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Published;

/// <summary>
/// The CLI that <c>./run.sh</c> runs, as it published it into artifacts/cli (Native AOT where a C linker is there, else
/// ReadyToRun; artifacts/.cli-build-stamp says which), run as a child process; and the same command run in process on
/// the JIT build, to compare with. Trimming and ahead-of-time compilation can break what the JIT build does (a
/// reflection path, a generic instantiation nobody compiled), so these tests hold the published build to the JIT one.
/// <c>./run.sh test</c> publishes it before the integration stage.
/// </summary>
internal static partial class PublishedCli
{
    private static readonly Lazy<(string Build, string Program, string[] Prefix)> Located = new(Locate);

    /// <summary>
    /// Keys whose values are times or depend on them, or name the commit a build was made from (./run.sh does not
    /// republish the CLI for a commit that changed no source): left out when two runs' files are compared.
    /// </summary>
    private static readonly HashSet<string> VolatileKeys = new(StringComparer.Ordinal)
    {
        "created", "last_run_at", "duration_ms", "ttft_ms", "eval_started_at", "eval_finished_at", "eval_duration_ms",
        "latency_ms", "requests_per_second", "started_at", "finished_at", "elapsed_ms", "harness_version",
    };

    /// <summary><c>aot</c> or <c>readytorun</c>.</summary>
    public static string Build => Located.Value.Build;

    /// <summary>Runs the published <c>k2verifier ARGS</c> in <paramref name="folder"/>.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(string folder, params string[] args) =>
        CliProcess.RunProgramAsync(Located.Value.Program, folder, [.. Located.Value.Prefix, .. args], limit: TimeSpan.FromMinutes(3));

    /// <summary>Starts the published <c>k2verifier ARGS</c> in <paramref name="folder"/>, its standard output redirected (for <c>simulate</c>).</summary>
    public static Process Start(string folder, params string[] args) =>
        Process.Start(CliProcess.StartInfo(Located.Value.Program, folder, [.. Located.Value.Prefix, .. args]))!;

    /// <summary>Runs <c>k2verifier ARGS</c> of the JIT build in this process (absolute paths only: the working directory is the test's).</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunJitAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await Cli.CliApp.RunAsync(args, new Cli.CliConsole(output, error));
        // The root command is named after the host process: under the test host that is "testhost".
        return (exit, output.ToString().Replace("  testhost ", "  k2verifier ", StringComparison.Ordinal), error.ToString());
    }

    /// <summary>
    /// A JSON document (or a JSON-lines file's rows) without its volatile keys and with <paramref name="folder"/>
    /// written as <c>DIR</c>, indented: what two builds must write alike.
    /// </summary>
    public static string Comparable(string path, string folder) =>
        path.EndsWith(".jsonl", StringComparison.Ordinal)
            ? string.Join('\n', File.ReadLines(path).Where(l => l.Length > 0).Select(l => ComparableJson(l, folder)))
            : ComparableJson(File.ReadAllText(path), folder);

    /// <summary>One JSON document as <see cref="Comparable"/> has it.</summary>
    public static string ComparableJson(string json, string folder) =>
        WithoutVolatileKeys(JsonNode.Parse(Neutral(json, folder)))?.ToJsonString(Indented) ?? "null";

    /// <summary>
    /// Text with <paramref name="folder"/> written as <c>DIR</c>, the folders the two builds run from as <c>APP</c>, ISO
    /// timestamps as <c>TIME</c>, durations as <c>N ms</c> and free memory as <c>N GiB available</c>.
    /// </summary>
    public static string Neutral(string text, string folder)
    {
        foreach (var path in new[] { folder, Path.GetDirectoryName(Located.Value.Program == "dotnet" ? Located.Value.Prefix[0] : Located.Value.Program)!, AppContext.BaseDirectory.TrimEnd('/') })
        {
            text = text.Replace(JsonEncodedText.Encode(path).ToString(), path, StringComparison.Ordinal)
                .Replace(path, path == folder ? "DIR" : "APP", StringComparison.Ordinal);
        }

        // The JIT build finds native libraries under runtimes/RID/native, the published one beside itself.
        text = Available().Replace(Duration().Replace(Timestamp().Replace(text, "TIME"), "N ms"), "N GiB available");
        return text.Replace($"APP/runtimes/{RuntimeInformation.RuntimeIdentifier}/native/", "APP/", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\b\d+(\.\d+)? GiB available\b")]
    private static partial Regex Available();

    [GeneratedRegex(@"\b\d+(\.\d+)? ms\b")]
    private static partial Regex Duration();

    [GeneratedRegex(@"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")]
    private static partial Regex Timestamp();

    private static JsonSerializerOptions Indented { get; } = new() { WriteIndented = true };

    private static JsonNode? WithoutVolatileKeys(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).Where(VolatileKeys.Contains).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, value) in obj)
                {
                    WithoutVolatileKeys(value);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    WithoutVolatileKeys(item);
                }

                break;
        }

        return node;
    }

    private static (string Build, string Program, string[] Prefix) Locate()
    {
        var artifacts = Path.Combine(CliProcess.RepositoryRoot(), "artifacts");
        var stamp = Path.Combine(artifacts, ".cli-build-stamp");
        var build = File.Exists(stamp) ? File.ReadAllText(stamp).Trim() : null;
        var native = Path.Combine(artifacts, "cli", "k2verifier");
        var managed = Path.Combine(artifacts, "cli", "k2verifier.dll");
        return build switch
        {
            "aot" when File.Exists(native) => (build, native, []),
            "readytorun" when File.Exists(managed) => (build, "dotnet", [managed]),
            _ => throw new InvalidOperationException(
                $"no published CLI in {Path.Combine(artifacts, "cli")} (stamp: {build ?? "none"}): `./run.sh test` publishes it before the integration tests; `./run.sh --help` does it alone"),
        };
    }
}
