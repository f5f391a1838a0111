using System.Diagnostics;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Scripts;

/// <summary>Issue 13: the first <c>./run.sh</c> on a fresh clone says that it builds and roughly how long, instead of minutes of silence.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunShTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "k2v-runsh", Guid.NewGuid().ToString("N"));

    public RunShTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.Copy(Path.Combine(Repository.Root, "run.sh"), Path.Combine(_root, "run.sh"));
        // A stand-in for the SDK: reports .NET 10, "publishes" the CLI by creating its dll, and echoes any other call.
        var dotnet = Path.Combine(_root, "bin", "dotnet");
        File.WriteAllText(dotnet, """
            #!/usr/bin/env bash
            case "$1" in
              --list-sdks) echo "10.0.100 [/fake/sdk]" ;;
              publish) mkdir -p "$FAKE_ROOT/artifacts/cli" && touch "$FAKE_ROOT/artifacts/cli/k2verifier.dll" ;;
              *) echo "cli $*" ;;
            esac
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Fact]
    public async Task RunSh_FreshClone_SaysItIsBuildingAndHowLongBeforeRunningTheCommand()
    {
        var (exit, output, error) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("run.sh: first run: restoring packages and building the CLI (Release; 1-3 minutes", error, StringComparison.Ordinal);
        Assert.Matches(@"run\.sh: built in \d+ s", error);
        Assert.Contains("cli " + Path.Combine(_root, "artifacts/cli/k2verifier.dll") + " --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSh_DefaultJobOutputInReports_DoesNotCountAsChangedSources()
    {
        await RunAsync("--help"); // the first build
        var stamp = File.GetLastWriteTimeUtc(Path.Combine(_root, "artifacts", ".cli-build-stamp"));
        var output = Path.Combine(_root, "reports", "latest", "reference.summary.json");
        var source = Path.Combine(_root, "reports", "K2Verifier.Reports", "Exporter.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);

        File.WriteAllText(output, "{}");
        File.SetLastWriteTimeUtc(output, stamp.AddSeconds(10));
        var afterJob = await RunAsync("--help");
        File.WriteAllText(source, "// changed");
        File.SetLastWriteTimeUtc(source, stamp.AddSeconds(10));
        var afterEdit = await RunAsync("--help");

        Assert.DoesNotContain("rebuilding", afterJob.Error, StringComparison.Ordinal);
        Assert.Contains("run.sh: sources changed, rebuilding the CLI", afterEdit.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task<(int Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(_root, "run.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = Path.Combine(_root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_ROOT"] = _root;
        using var process = Process.Start(start)!;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var output = process.StandardOutput.ReadToEndAsync(deadline.Token);
        var error = process.StandardError.ReadToEndAsync(deadline.Token);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output, await error);
    }
}
