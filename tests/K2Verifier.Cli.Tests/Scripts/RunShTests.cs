using System.Diagnostics;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Scripts;

/// <summary>Issue 13: the first <c>./run.sh</c> on a fresh clone says that it builds and roughly how long, instead of minutes of silence.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RunShTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "k2v-runsh", Guid.NewGuid().ToString("N"));

    /// <summary>K2V_CLI_BUILD for the next run (set, so that the machine's C toolchain does not decide; empty: run.sh decides).</summary>
    private string _build = "readytorun";

    /// <summary>Whether the stand-in SDK fails a Native AOT publish, as a linker without the C library's files does.</summary>
    private bool _aotFails;

    public RunShTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.Copy(Path.Combine(Repository.Root, "run.sh"), Path.Combine(_root, "run.sh"));
        // A stand-in for the SDK: reports .NET 10, "publishes" the CLI by creating its dll (ReadyToRun) or a native
        // executable that echoes its arguments (Native AOT), and echoes any other call.
        var dotnet = Path.Combine(_root, "bin", "dotnet");
        File.WriteAllText(dotnet, """
            #!/usr/bin/env bash
            case "$1" in
              --list-sdks) echo "10.0.100 [/fake/sdk]" ;;
              publish)
                mkdir -p "$FAKE_ROOT/artifacts/cli"
                if [[ " $* " == *" -p:K2vNativeAot=true "* && -n "$FAKE_AOT_FAILS" ]]; then
                  echo "ld: cannot find crt1.o: No such file or directory"; exit 1
                elif [[ " $* " == *" -p:K2vNativeAot=true "* ]]; then
                  printf '#!/usr/bin/env bash\necho "native $*"\n' > "$FAKE_ROOT/artifacts/cli/k2verifier"
                  chmod +x "$FAKE_ROOT/artifacts/cli/k2verifier"
                else
                  touch "$FAKE_ROOT/artifacts/cli/k2verifier.dll"
                fi ;;
              *) echo "cli $*" ;;
            esac
            """.Replace("\r", string.Empty, StringComparison.Ordinal));
        File.SetUnixFileMode(dotnet, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // A C linker and objcopy on PATH, as run.sh probes them (so it never tries to install Debian's gcc here).
        foreach (var tool in new[] { "gcc", "objcopy" })
        {
            File.WriteAllText(Path.Combine(_root, "bin", tool), "#!/usr/bin/env bash\nexit 0\n");
            File.SetUnixFileMode(Path.Combine(_root, "bin", tool), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public async Task RunSh_FreshClone_SaysItIsBuildingAndHowLongBeforeRunningTheCommand()
    {
        var (exit, output, error) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("run.sh: first run: restoring packages and building the CLI (Release, ReadyToRun; 1-3 minutes", error, StringComparison.Ordinal);
        Assert.Matches(@"run\.sh: built in \d+ s", error);
        Assert.Contains("cli " + Path.Combine(_root, "artifacts/cli/k2verifier.dll") + " --help", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSh_NativeAot_PublishesInItsOwnArtifactsFolderAndRunsTheExecutable()
    {
        _build = "aot";

        var (exit, output, error) = await RunAsync("score", "x.jsonl");

        Assert.Equal(0, exit);
        Assert.Contains("building the CLI (Release, Native AOT; 3-7 minutes", error, StringComparison.Ordinal);
        Assert.Equal("native score x.jsonl", output.Trim());
        Assert.Equal("aot", File.ReadAllText(Path.Combine(_root, "artifacts", ".cli-build-stamp")).Trim());
    }

    [Fact]
    public async Task RunSh_OtherBuildAsked_RebuildsAndDropsTheOldOne()
    {
        await RunAsync("--help"); // ReadyToRun
        _build = "aot";

        var (exit, output, error) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("run.sh: building the CLI as aot instead of readytorun (Release, Native AOT", error, StringComparison.Ordinal);
        Assert.Equal("native --help", output.Trim());
        Assert.False(File.Exists(Path.Combine(_root, "artifacts", "cli", "k2verifier.dll")), "the ReadyToRun build was left beside the native one");
    }

    [Fact]
    public async Task RunSh_NativeAotLinkFails_FallsBackToReadyToRunAndDoesNotRetry()
    {
        _build = string.Empty; // run.sh decides: a C linker is on PATH (the stand-in below)
        _aotFails = true;

        var first = await RunAsync("--help");
        var second = await RunAsync("--help");

        Assert.Equal(0, first.Exit);
        Assert.Contains("cannot find crt1.o", first.Error, StringComparison.Ordinal);
        Assert.Contains("run.sh: the Native AOT build failed", first.Error, StringComparison.Ordinal);
        Assert.Contains("cli " + Path.Combine(_root, "artifacts/cli/k2verifier.dll") + " --help", first.Out, StringComparison.Ordinal);
        Assert.Equal("readytorun", File.ReadAllText(Path.Combine(_root, "artifacts", ".cli-build-stamp")).Trim());
        Assert.DoesNotContain("building", second.Error, StringComparison.Ordinal);
        Assert.Equal(0, second.Exit);
    }

    [Fact]
    public async Task RunSh_NativeAotAskedAndLinkFails_ExitsTwoWithTheLog()
    {
        _build = "aot";
        _aotFails = true;

        var (exit, _, error) = await RunAsync("--help");

        Assert.Equal(2, exit);
        Assert.Contains("cannot find crt1.o", error, StringComparison.Ordinal);
        Assert.Contains("run.sh: build failed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSh_UnknownBuildAsked_ExitsTwoNamingTheChoices()
    {
        _build = "jit";

        var (exit, _, error) = await RunAsync("--help");

        Assert.Equal(2, exit);
        Assert.Contains("K2V_CLI_BUILD must be aot or readytorun, not 'jit'", error, StringComparison.Ordinal);
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
        start.Environment["K2V_CLI_BUILD"] = _build;
        start.Environment["FAKE_AOT_FAILS"] = _aotFails ? "1" : string.Empty;
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
