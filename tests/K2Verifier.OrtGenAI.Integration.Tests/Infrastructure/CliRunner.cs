using System.Diagnostics;
using System.Globalization;
using K2Verifier.Cli;

namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>Runs the CLI in process, or as a child process when a test needs a fresh native-library search.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>dotnet k2verifier.dll ARGS</c> with extra environment variables; bounded to two minutes.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunProcessAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
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
