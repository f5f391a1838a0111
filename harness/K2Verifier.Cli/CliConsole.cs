namespace K2Verifier.Cli;

/// <summary>The text writers a command prints to; tests pass their own.</summary>
/// <param name="Out">Standard output: results meant for pipes.</param>
/// <param name="Error">Standard error: diagnostics, progress and warnings.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The process's standard output and error.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error);
}
