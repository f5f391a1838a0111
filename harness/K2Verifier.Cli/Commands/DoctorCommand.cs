using System.CommandLine;
using K2Verifier.Common;
using K2Verifier.OrtGenAI.Doctor;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>doctor MODEL_DIR [--ortgenai-lib PATH] [--device cpu|cuda] [--manifest FILE] [--context-length N] [--concurrency N]</c>:
/// one PASS/WARN/FAIL line per check; exit 2 when any check fails.
/// </summary>
internal static class DoctorCommand
{
    public static Command Create(CliConsole console)
    {
        var modelDir = new Argument<string>("model-dir") { Description = "A model folder for ONNX Runtime GenAI (the one holding genai_config.json)." };
        var manifest = new Option<string?>("--manifest") { Description = "Verify the folder's files against this sha256sum-format manifest.", HelpName = "FILE" };
        var contextLength = new Option<int?>("--context-length") { Description = "Context for the KV-cache estimate (default: genai_config's context_length).", HelpName = "N" };
        var concurrency = new Option<int>("--concurrency")
        {
            Description = "Requests served at once, for the KV-cache estimate.",
            DefaultValueFactory = _ => 1,
            HelpName = "N",
        };
        var engineOptions = new LocalEngineOptions();
        var command = new Command("doctor", "Check a local model folder before serving it: files, config, chat template, memory, load, tokenizer round trip, logits width.")
        {
            modelDir, manifest, contextLength, concurrency,
        };
        engineOptions.AddTo(command);
        command.SetAction(parseResult =>
        {
            var options = new DoctorOptions
            {
                ModelDirectory = parseResult.GetValue(modelDir)!,
                Device = engineOptions.BindDevice(parseResult),
                LibraryPath = engineOptions.BindLibrary(parseResult),
                ManifestPath = parseResult.GetValue(manifest),
                ContextLength = parseResult.GetValue(contextLength),
                Concurrency = parseResult.GetValue(concurrency),
            };
            if (options.ContextLength is < 1 || options.Concurrency < 1)
            {
                throw new UsageException("--context-length and --concurrency must be at least 1");
            }

            var checks = ModelDoctor.Run(options, check => console.Out.WriteLine(check.ToString()));
            var failed = checks.Count(c => c.Status == DoctorStatus.Fail);
            console.Out.WriteLine(
                $"doctor: {checks.Count(c => c.Status == DoctorStatus.Pass)} PASS, {checks.Count(c => c.Status == DoctorStatus.Warn)} WARN, {failed} FAIL");
            return (int)(failed > 0 ? ExitCode.UsageError : ExitCode.Ok);
        });
        return command;
    }
}
