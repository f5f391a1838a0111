using System.CommandLine;
using K2Verifier.Cli.Serving;
using K2Verifier.Common;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>simulate --profile NAME --port N [--dataset FILE] [--expected FILE] [--seed N]</c>: serve the simulator on
/// 127.0.0.1 at <c>/v1/chat/completions</c> until Ctrl-C, so <c>run --base-url http://127.0.0.1:N/v1</c> works against it.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var profile = Parsing.ChoiceOption.Create("--profile", "The simulated deployment.", "reference", [.. SimulationProfile.Names]);
        var port = new Option<int>("--port") { Description = "The loopback port (0 picks a free one).", Required = true };
        var dataset = new Option<string?>("--dataset") { Description = "The dataset whose requests will be sent, to find each request's label (default: datasets/k2v-4000/samples.jsonl when present)." };
        var expected = new Option<string?>("--expected") { Description = "The labels (default: expected.jsonl next to --dataset)." };
        var seed = new Option<long>("--seed") { Description = "Seeds the policy model.", DefaultValueFactory = _ => 0 };
        var command = new Command("simulate", "Serve a simulated deployment on loopback (OpenAI-compatible /v1/chat/completions) until Ctrl-C.")
        {
            profile, port, dataset, expected, seed,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(port) is < 0 or > 65535)
            {
                throw new UsageException($"--port {parseResult.GetValue(port)} is out of range (0 to 65535)");
            }

            var samples = parseResult.GetValue(dataset) ?? Path.Combine("datasets", "k2v-4000", "samples.jsonl");
            var hasSamples = File.Exists(samples);
            if (parseResult.GetValue(dataset) is not null && !hasSamples)
            {
                throw new UsageException($"--dataset {samples} does not exist");
            }

            var labelsPath = parseResult.GetValue(expected) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(samples)) ?? ".", "expected.jsonl");
            var labels = File.Exists(labelsPath) ? ExpectedLabels.Read(labelsPath) : ExpectedLabels.Empty;
            var backend = new SimulatedBackend(SimulationProfile.Get(parseResult.GetValue(profile)!), labels, parseResult.GetValue(seed));
            await WarnAsync(console.Error, hasSamples ? null : samples, labels.Count == 0 ? labelsPath : null).ConfigureAwait(false);
            await using var server = await SimulatorServer.StartAsync(backend, hasSamples ? samples : null, parseResult.GetValue(port), cancellationToken, console.Error).ConfigureAwait(false);
            await console.Out.WriteLineAsync($"simulating {backend.Profile.Name} at {server.BaseUrl} ({labels.Count} labels); Ctrl-C stops").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await console.Out.WriteLineAsync("stopped").ConfigureAwait(false);
            }

            return (int)ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Says loudly what the simulator cannot do: match requests without the dataset, or follow labels it has not got.</summary>
    private static async Task WarnAsync(TextWriter error, string? missingSamples, string? missingLabels)
    {
        if (missingSamples is not null)
        {
            await error.WriteLineAsync($"warning: no dataset at {Path.GetFullPath(missingSamples)}: requests cannot be matched to their labels and every one is answered in text (finish_reason stop). Start simulate in the clone, or pass --dataset FILE (the file the run sends).").ConfigureAwait(false);
        }
        else if (missingLabels is not null)
        {
            await error.WriteLineAsync($"warning: no labels at {Path.GetFullPath(missingLabels)}: every request is answered in text (finish_reason stop). Pass --expected FILE.").ConfigureAwait(false);
        }
    }
}
