using System.Diagnostics;

namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>Runs the CLI as a child process, for tests that need a fresh native-library search (a process loads GenAI once).</summary>
internal static class CliProcessRunner
{
    /// <summary>Runs <c>dotnet k2verifier.dll ARGS</c> with extra environment variables; bounded to two minutes.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "k2verifier.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
