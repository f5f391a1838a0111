using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using K2Verifier.Common;
using K2Verifier.Datasets.Generation;

namespace K2Verifier.Cli.Commands;

/// <summary><c>dataset build [--out DIR] [--seed N]</c>: regenerate k2v-4000 (byte for byte with the default seed).</summary>
internal static class DatasetBuildCommand
{
    public static Command Create(CliConsole console)
    {
        var output = new Option<string>("--out")
        {
            Description = "Output folder for samples.jsonl, expected.jsonl and manifest.json.",
            DefaultValueFactory = _ => Path.Combine("datasets", "k2v-4000"),
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Generator seed (the committed dataset uses the default).",
            DefaultValueFactory = _ => K2v4000Generator.DefaultSeed,
        };
        var command = new Command("build", "Generate the bundled k2v-4000 dataset (4000 K2VV-format requests with expected labels), deterministically.")
        {
            output, seed,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var stopwatch = Stopwatch.StartNew();
            var paths = await K2v4000Writer.WriteAsync(parseResult.GetValue(output)!, parseResult.GetValue(seed), cancellationToken).ConfigureAwait(false);
            foreach (var path in paths)
            {
                await console.Out.WriteLineAsync($"wrote {path} ({new FileInfo(path).Length.ToString(CultureInfo.InvariantCulture)} bytes)").ConfigureAwait(false);
            }

            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"generator {K2v4000Generator.Version}, seed {parseResult.GetValue(seed)}, {stopwatch.Elapsed.TotalSeconds:F1} s")).ConfigureAwait(false);
            return (int)ExitCode.Ok;
        });
        return command;
    }
}
