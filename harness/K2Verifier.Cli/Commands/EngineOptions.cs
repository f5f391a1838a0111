using System.CommandLine;
using K2Verifier.Backends;
using K2Verifier.LocalEngine.RawCompletions;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Templates;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// The options of <c>run</c> that choose the deployment: <c>--engine http|sim|local</c>, the simulator's <c>--profile</c>,
/// <c>--seed</c> and <c>--expected</c>, the raw-completions mode (<c>--use-raw-completions</c>,
/// <c>--chat-template</c>, <c>--tool-format</c>), and the local engine (<c>--model-dir</c>, <c>--enforce</c>,
/// <c>--ortgenai-lib</c>, <c>--device</c>, with <c>--chat-template</c> and <c>--tool-format</c>).
/// </summary>
internal sealed class EngineOptions
{
    public Option<string> Engine { get; } = Parsing.ChoiceOption.Create("--engine", "The deployment: an OpenAI-compatible HTTP endpoint, the in-process simulator, or a model run in process (ONNX Runtime GenAI).", "http", "http", "sim", "local");

    public Option<string> Profile { get; } = Parsing.ChoiceOption.Create("--profile", "The simulator's profile (--engine sim).", "reference", [.. SimulationProfile.Names]);

    public Option<long> Seed { get; } = new("--seed") { Description = "Seeds the simulator's policy model and faults (--engine sim).", DefaultValueFactory = _ => 0 };

    public Option<string?> Expected { get; } = new("--expected") { Description = "Labels the simulator's policy follows (default: expected.jsonl next to the dataset)." };

    public Option<bool> UseRawCompletions { get; } = new("--use-raw-completions") { Description = "Render each request locally with --chat-template and POST the prompt to /completions; parse the text with --tool-format." };

    public Option<string?> ChatTemplate { get; } = new("--chat-template") { Description = "The chat template for --use-raw-completions and --engine local (.jinja or tokenizer_config.json; --engine local defaults to the model folder's)." };

    public Option<string> ToolFormat { get; } = Parsing.ChoiceOption.Create("--tool-format", "The tool-call format of raw completions and of the local engine's model.", "kimi-k2", [.. ToolCallFormatRegistry.Names]);

    public LocalModelOptions Local { get; } = new();

    public IEnumerable<Option> All => [Engine, Profile, Seed, Expected, UseRawCompletions, ChatTemplate, ToolFormat, .. Local.All];

    /// <summary>True when <c>--engine sim</c> was chosen.</summary>
    public bool IsSimulator(ParseResult parseResult) => string.Equals(parseResult.GetValue(Engine), "sim", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <c>--engine local</c> was chosen.</summary>
    public bool IsLocal(ParseResult parseResult) => string.Equals(parseResult.GetValue(Engine), "local", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the combination; appends problems.</summary>
    public void Validate(ParseResult parseResult, List<string> problems)
    {
        var (local, simulator, raw) = (IsLocal(parseResult), IsSimulator(parseResult), parseResult.GetValue(UseRawCompletions));
        Local.Validate(parseResult, local, problems);
        if (raw && (local || simulator))
        {
            problems.Add($"--use-raw-completions needs --engine http (the {(local ? "local engine" : "simulator")} renders and parses itself)");
        }

        if (simulator && parseResult.GetValue(Expected) is { } expected && !File.Exists(expected))
        {
            problems.Add($"--expected {expected} does not exist");
        }

        // The template is used by the local engine (optional there) and by raw completions over HTTP (required).
        var template = parseResult.GetValue(ChatTemplate);
        if (template is null && raw && !local && !simulator)
        {
            problems.Add("--use-raw-completions needs --chat-template FILE");
        }
        else if (template is not null && (local || (raw && !simulator)) && !File.Exists(template))
        {
            problems.Add($"--chat-template {template} does not exist");
        }
    }

    /// <summary>The labels file: <c>--expected</c>, or <c>expected.jsonl</c> in the dataset's folder.</summary>
    public string ExpectedPath(ParseResult parseResult, string datasetPath) =>
        parseResult.GetValue(Expected) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(datasetPath)) ?? ".", "expected.jsonl");

    /// <summary>Creates the backend: the local engine, the simulator, raw completions over HTTP, or chat completions over HTTP.</summary>
    /// <param name="parseResult">The parsed command line (validated).</param>
    /// <param name="datasetPath">The dataset (the simulator's labels are found beside it).</param>
    /// <param name="http">The HTTP backend's options (null unless --engine http).</param>
    /// <param name="modelName">The model name of the local engine's responses (its folder's name when null).</param>
    /// <param name="log">Where the local engine prints its resource estimate and notices.</param>
    /// <param name="concurrency">Requests the local engine batches at once (<c>--concurrency</c>); 1 runs them one at a time.</param>
    public IChatBackend Create(ParseResult parseResult, string datasetPath, HttpBackendOptions? http, string? modelName, TextWriter log, int concurrency = 1)
    {
        if (IsLocal(parseResult))
        {
            var settings = Local.Bind(parseResult);
            var template = parseResult.GetValue(ChatTemplate) is { } file ? LoadTemplate(file) : null;
            var format = ToolCallFormatRegistry.Get(parseResult.GetValue(ToolFormat)!);
            return LocalBackendFactory.Create(settings, modelName ?? LocalModelOptions.DefaultModelName(settings.ModelDirectory), template, format, log, concurrency);
        }

        if (IsSimulator(parseResult))
        {
            var path = ExpectedPath(parseResult, datasetPath);
            var labels = File.Exists(path) ? ExpectedLabels.Read(path) : ExpectedLabels.Empty;
            if (labels.Count == 0)
            {
                log.WriteLine($"warning: no labels at {path}: the simulator answers every request in text (finish_reason stop), so tool calls are far rarer than in a labelled run. Pass --expected FILE.");
            }

            return new SimulatedBackend(SimulationProfile.Get(parseResult.GetValue(Profile)!), labels, parseResult.GetValue(Seed));
        }

        if (parseResult.GetValue(UseRawCompletions))
        {
            var template = LoadTemplate(parseResult.GetValue(ChatTemplate)!);
            var inner = new HttpChatBackend(http! with { UseRawCompletions = true }, TimeProvider.System);
            return new RawCompletionsBackend(inner, template, ToolCallFormatRegistry.Get(parseResult.GetValue(ToolFormat)!));
        }

        return new HttpChatBackend(http!, TimeProvider.System);
    }

    private static ChatTemplate LoadTemplate(string path)
    {
        try
        {
            return K2Verifier.Templates.ChatTemplate.Load(path);
        }
        catch (TemplateException ex)
        {
            throw new UsageException($"--chat-template {path}: {ex.Message}", ex);
        }
    }
}
