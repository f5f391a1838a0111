using System.CommandLine;

namespace K2Verifier.Cli.Commands;

/// <summary>Every top-level command of the CLI, in help order.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        yield return RunCommand.Create(console);
        yield return ScoreCommand.Create(console);
        yield return CompareCommand.Create(console);
        yield return ReportCommand.Create(console);
        yield return SchemaCommand.Create(console);
        yield return DatasetCommand.Create(console);
        yield return TemplateCommand.Create(console);
        yield return DemoCommand.Create(console);
        yield return SimulateCommand.Create(console);
        yield return DoctorCommand.Create(console);
        yield return SuiteCommand.Create(console);
        yield return MergeCommand.Create(console);
    }
}
