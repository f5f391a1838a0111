using System.Globalization;

namespace K2Verifier.Cli.Tests.Infrastructure;

/// <summary>Runs the CLI in process with captured output.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (exitCode, output.ToString(), error.ToString());
    }
}
