namespace K2Verifier.Cli.Output;

/// <summary>Whether live (ANSI) output is wanted: not when stderr is redirected, in CI, with NO_COLOR or a dumb terminal.</summary>
internal static class ConsoleMode
{
    public static bool IsInteractive(CliConsole console) =>
        ReferenceEquals(console, CliConsole.System)
        && !Console.IsErrorRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
        && Environment.GetEnvironmentVariable("TERM") != "dumb";
}
