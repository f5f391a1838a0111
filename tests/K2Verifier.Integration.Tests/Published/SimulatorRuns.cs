using K2Verifier.Integration.Tests.Infrastructure;

namespace K2Verifier.Integration.Tests.Published;

/// <summary>
/// The first 300 k2v-4000 requests replayed against two simulated deployments (<c>reference</c> and
/// <c>vllm-0.11.0</c>), once by the published CLI and once by the JIT build, each build in its own folder laid out
/// alike (<c>samples.jsonl</c>, <c>expected.jsonl</c>, <c>PROFILE/results.jsonl</c>, <c>PROFILE/summary.json</c>).
/// </summary>
public sealed class SimulatorRuns : IAsyncLifetime
{
    public const int Lines = 300;

    public static readonly string[] Profiles = ["reference", "vllm-0.11.0"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "k2v-published", Guid.NewGuid().ToString("N"));

    /// <summary>The JIT build's folder.</summary>
    public string Jit => Path.Combine(_root, "jit");

    /// <summary>The published build's folder.</summary>
    public string Published => Path.Combine(_root, "published");

    /// <summary>A fresh folder for one test's outputs.</summary>
    public string Scratch(string name)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    public async Task InitializeAsync()
    {
        foreach (var folder in new[] { Jit, Published })
        {
            K2v4000Slice.Write(folder, Lines);
        }

        foreach (var profile in Profiles)
        {
            var jit = await PublishedCli.RunJitAsync(RunArgs(Jit, profile));
            Assert.True(jit.ExitCode == 0, $"JIT build, {profile}: exit {jit.ExitCode}: {jit.Error}");
            var published = await PublishedCli.RunAsync(Published, RunArgs(Published, profile));
            Assert.True(published.ExitCode == 0, $"published build ({PublishedCli.Build}), {profile}: exit {published.ExitCode}: {published.Error}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>The journal of <paramref name="profile"/>'s run in <paramref name="folder"/>.</summary>
    public static string Journal(string folder, string profile) => Path.Combine(folder, profile, "results.jsonl");

    private static string[] RunArgs(string folder, string profile) =>
    [
        "run", Path.Combine(folder, "samples.jsonl"), "--engine", "sim", "--profile", profile, "--seed", "11",
        "--expected", Path.Combine(folder, "expected.jsonl"), "--concurrency", "8",
        "--output", Journal(folder, profile), "--summary", Path.Combine(folder, profile, "summary.json"),
    ];
}
