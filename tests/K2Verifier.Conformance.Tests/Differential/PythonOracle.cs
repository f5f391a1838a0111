using System.Diagnostics;
using K2Verifier.Conformance.Tests.Infrastructure;

namespace K2Verifier.Conformance.Tests.Differential;

/// <summary>Runs python-jsonschema (Oracle/jsonschema_oracle.py) over a JSONL file of cases, in one python3 process.</summary>
internal static class PythonOracle
{
    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Null when python3 can import jsonschema; otherwise why not.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    public static string ScriptPath => Path.Combine(SharedData.RepositoryRoot, "tests", "K2Verifier.Conformance.Tests", "Oracle", "jsonschema_oracle.py");

    /// <summary>One verdict line per case line: valid, invalid, schema-error or error:TYPE.</summary>
    public static IReadOnlyList<string> Run(string casesPath)
    {
        var (exitCode, output, error) = Execute(TimeSpan.FromMinutes(10), ScriptPath, casesPath);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"python oracle failed ({exitCode}): {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string? Probe()
    {
        try
        {
            var (exitCode, output, error) = Execute(TimeSpan.FromSeconds(60), "-c", "import jsonschema, importlib.metadata as m; print(m.version('jsonschema'))");
            return exitCode == 0 ? null : $"python3 cannot import jsonschema: {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return $"python3 is not available: {ex.Message}";
        }
    }

    private static (int ExitCode, string Output, string Error) Execute(TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"python3 did not finish within {timeout}.");
        }

        return (process.ExitCode, output.Result, error.Result);
    }
}
