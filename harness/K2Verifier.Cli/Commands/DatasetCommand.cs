using System.CommandLine;

namespace K2Verifier.Cli.Commands;

/// <summary><c>dataset build | check | import-k2vv | import-bfcl</c>: make, lint and import datasets.</summary>
internal static class DatasetCommand
{
    public static Command Create(CliConsole console)
    {
        var dataset = new Command("dataset", "Make, lint and import datasets (the bundled k2v-4000, K2VV and BFCL data).");
        dataset.Subcommands.Add(DatasetBuildCommand.Create(console));
        dataset.Subcommands.Add(DatasetCheckCommand.Create(console));
        dataset.Subcommands.Add(DatasetImportCommands.CreateK2vv(console));
        dataset.Subcommands.Add(DatasetImportCommands.CreateBfcl(console));
        return dataset;
    }
}
