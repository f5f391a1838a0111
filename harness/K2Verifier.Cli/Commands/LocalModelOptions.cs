using System.CommandLine;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// The options of <c>run --engine local</c>: <c>--model-dir DIR</c>, <c>--enforce</c>, and the shared
/// <c>--ortgenai-lib</c> and <c>--device</c>.
/// </summary>
internal sealed class LocalModelOptions
{
    public Option<string?> ModelDir { get; } = new("--model-dir")
    {
        Description = "The model folder for --engine local (the one holding genai_config.json); the model name defaults to the folder's name.",
        HelpName = "DIR",
    };

    public Option<bool> Enforce { get; } = new("--enforce")
    {
        Description = "Constrained decoding (the Enforcer) from each request's tools and tool_choice in --tool-format (--engine local).",
    };

    public LocalEngineOptions Engine { get; } = new();

    public IEnumerable<Option> All => [ModelDir, Enforce, Engine.Library, Engine.Device];

    /// <summary>Checks the combination; appends problems.</summary>
    public void Validate(ParseResult parseResult, bool local, List<string> problems)
    {
        var directory = parseResult.GetValue(ModelDir);
        if (!local)
        {
            foreach (var (given, name) in new[]
            {
                (directory is not null, "--model-dir"),
                (parseResult.GetValue(Enforce), "--enforce"),
                (parseResult.GetValue(Engine.Library) is not null, "--ortgenai-lib"),
                (Engine.BindDevice(parseResult) == ExecutionDevice.Cuda, "--device cuda"),
            })
            {
                if (given)
                {
                    problems.Add($"{name} needs --engine local (it configures the model run in process)");
                }
            }

            return;
        }

        if (directory is null)
        {
            problems.Add("--engine local needs --model-dir DIR (a folder holding genai_config.json)");
        }
        else if (!Directory.Exists(directory))
        {
            problems.Add(File.Exists(directory) ? $"--model-dir {directory} is a file, not a folder" : $"--model-dir {directory} does not exist");
        }
        else if (!File.Exists(Path.Combine(directory, GenAIModelConfig.FileName)))
        {
            problems.Add($"--model-dir {directory} has no {GenAIModelConfig.FileName}: not an ONNX Runtime GenAI model folder");
        }
    }

    /// <summary>The validated settings.</summary>
    public LocalModelSettings Bind(ParseResult parseResult) => new(
        Path.GetFullPath(parseResult.GetValue(ModelDir)!),
        parseResult.GetValue(Enforce),
        Engine.BindDevice(parseResult),
        Engine.BindLibrary(parseResult));

    /// <summary>The model name requests carry when <c>--model</c> is not given: the folder's name.</summary>
    public static string DefaultModelName(string directory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory)));
}
