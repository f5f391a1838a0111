using System.CommandLine;
using K2Verifier.Common;
using K2Verifier.Datasets.Importers;

namespace K2Verifier.Cli.Commands;

/// <summary><c>dataset import-k2vv PATH [--out DIR]</c> and <c>dataset import-bfcl DIR [--out DIR]</c>.</summary>
internal static class DatasetImportCommands
{
    public static Command CreateK2vv(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "The K2VV tool-calls tarball (.tar.gz) or its extracted folder (samples.jsonl and *_results.jsonl files)." };
        var output = OutOption(Path.Combine("datasets", "k2vv"));
        var command = new Command("import-k2vv", "Import the published K2VV data: samples.jsonl plus one baseline per official *_results.jsonl (usable with --baseline).")
        {
            path, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(path)!;
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                throw new UsageException($"K2VV data not found: {source}");
            }

            var summary = await Run(() => K2vvImporter.ImportAsync(source, parseResult.GetValue(output)!, cancellationToken)).ConfigureAwait(false);
            return Report(summary, console);
        });
        return command;
    }

    public static Command CreateBfcl(CliConsole console)
    {
        var directory = new Argument<string>("dir") { Description = "A folder of BFCL v4 single-turn files (BFCL_v4_*.json) with possible_answer/." };
        var output = OutOption(Path.Combine("datasets", "bfcl"));
        var command = new Command("import-bfcl", "Convert BFCL v4 single-turn data to K2VV requests (samples.jsonl) and expectations (expected.jsonl).")
        {
            directory, output,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var source = parseResult.GetValue(directory)!;
            if (!Directory.Exists(source))
            {
                throw new UsageException($"BFCL folder not found: {source}");
            }

            var summary = await Run(() => BfclImporter.ImportAsync(source, parseResult.GetValue(output)!, cancellationToken)).ConfigureAwait(false);
            return Report(summary, console);
        });
        return command;
    }

    private static Option<string> OutOption(string defaultPath) => new("--out")
    {
        Description = "Output folder.",
        DefaultValueFactory = _ => defaultPath,
    };

    private static async Task<ImportSummary> Run(Func<Task<ImportSummary>> import)
    {
        try
        {
            return await import().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new UsageException(ex.Message, ex);
        }
    }

    private static int Report(ImportSummary summary, CliConsole console)
    {
        foreach (var note in summary.Notes)
        {
            console.Error.WriteLine($"note: {note}");
        }

        foreach (var file in summary.Files)
        {
            console.Out.WriteLine($"wrote {file}");
        }

        console.Out.WriteLine($"{summary.Requests} requests");
        return (int)ExitCode.Ok;
    }
}
