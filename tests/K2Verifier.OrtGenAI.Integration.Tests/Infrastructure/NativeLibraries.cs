using System.Diagnostics;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>
/// The native libraries for these tests, fetched once per test run by <c>scripts/fetch-ortgenai.sh</c> (a no-op when
/// cached). When they cannot be had, <see cref="Problem"/> carries the script's message: tests skip with it locally
/// and fail with it in CI (<c>CI=true</c>).
/// </summary>
internal static class NativeLibraries
{
    private static readonly Lazy<(string? Folder, string? Problem)> Fetched = new(Fetch);

    /// <summary>The folder holding libonnxruntime-genai.so and libonnxruntime.so.1, or null.</summary>
    public static string? Folder => Fetched.Value.Folder;

    /// <summary>Why the libraries are not available, or null.</summary>
    public static string? Problem => Fetched.Value.Problem;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The library folder; fails the test with the fetch script's message when there is none.</summary>
    public static string Require() => Folder ?? throw new InvalidOperationException(Problem);

    private static (string? Folder, string? Problem) Fetch()
    {
        var script = Path.Combine(Repository.Root, "scripts", "fetch-ortgenai.sh");
        var start = new ProcessStartInfo("bash", [script, "--print-dir"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                return (null, "scripts/fetch-ortgenai.sh did not finish within 5 minutes");
            }

            var folder = output.Result.Trim();
            return process.ExitCode == 0 && Directory.Exists(folder)
                ? (folder, null)
                : (null, $"scripts/fetch-ortgenai.sh failed (exit {process.ExitCode}): {error.Result.Trim()}");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return (null, $"scripts/fetch-ortgenai.sh could not run: {ex.Message}");
        }
    }
}
