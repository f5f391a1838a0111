using System.Diagnostics;

namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>Runs a Python script as a reference oracle (python3 is on the development and CI machines).</summary>
internal static class PythonOracle
{
    public static bool IsAvailable { get; } = Probe();

    /// <summary>Runs <paramref name="script"/> with <paramref name="input"/> on stdin; returns stdout. Bounded to 2 minutes.</summary>
    public static string Run(string script, string input)
    {
        var start = new ProcessStartInfo("python3", ["-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
        };
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 oracle did not finish in 2 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 oracle failed: {stderr.Result}");
        }

        return stdout.Result;
    }

    private static bool Probe()
    {
        try
        {
            return Run("print('ok')", string.Empty).Trim() == "ok";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }
}
