using System.Diagnostics;

namespace K2Verifier.Datasets.Tests.Infrastructure;

/// <summary>python3 with python-jsonschema, as an independent oracle (optional: tests skip with a reason when absent).</summary>
internal static class JsonSchemaOracle
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
            throw new TimeoutException("python3 did not finish in 2 minutes");
        }

        return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"python3 failed: {stderr.Result}");
    }

    private static bool Probe()
    {
        try
        {
            return Run("import jsonschema; print('ok')", string.Empty).Trim() == "ok";
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }
}
