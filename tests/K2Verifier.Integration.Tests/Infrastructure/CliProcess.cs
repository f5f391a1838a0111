using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>Runs the built CLI as a child process (bounded in time) and captures its output.</summary>
internal static class CliProcess
{
    /// <summary>Runs <c>k2verifier ARGS</c> in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static Task<(int ExitCode, string Out, string Error)> RunAsync(
        string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? limit = null) =>
        RunProgramAsync("dotnet", workingDirectory, [CliDllPath(), .. args], environment, limit);

    /// <summary>Runs <paramref name="program"/> (bounded in time) with the shard variables cleared and <paramref name="environment"/> added.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunProgramAsync(
        string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? limit = null)
    {
        var start = StartInfo(program, workingDirectory, args, environment);
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var drainOut = process.StandardOutput.ReadToEndAsync();
        var drainError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await drainOut, await drainError);
    }

    /// <summary>
    /// <paramref name="program"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>, its standard output
    /// redirected, without colours, with the shard variables cleared and <paramref name="environment"/> added.
    /// </summary>
    public static ProcessStartInfo StartInfo(string program, string workingDirectory, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, WorkingDirectory = workingDirectory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["NO_COLOR"] = "1";
        foreach (var name in new[] { "JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT", "K2V_SHARD" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>The repository root (where K2Verifier.sln is).</summary>
    public static string RepositoryRoot([CallerFilePath] string callerPath = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(callerPath)! })
        {
            for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
                {
                    return dir;
                }
            }
        }

        throw new InvalidOperationException("K2Verifier.sln not found above the test assembly");
    }

    /// <summary>
    /// The CLI as built in its own output folder (artifacts/bin/K2Verifier.Cli/CONFIG): the copy beside the tests resolves
    /// some assemblies from the ASP.NET shared framework, which the CLI's runtimeconfig does not name.
    /// </summary>
    public static string CliDllPath()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(testDirectory.Parent!.Parent!.FullName, "K2Verifier.Cli", testDirectory.Name, "k2verifier.dll");
        Assert.True(File.Exists(path), $"CLI not built at {path}");
        return path;
    }
}
