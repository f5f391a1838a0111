using System.CommandLine;
using K2Verifier.Backends;
using K2Verifier.LocalEngine.RawCompletions;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.LocalEngine.Templates;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// The options of <c>run</c> that choose the deployment: <c>--engine http|sim</c>, the simulator's <c>--profile</c>,
/// <c>--seed</c> and <c>--expected</c>, and the raw-completions mode (<c>--use-raw-completions</c>,
/// <c>--chat-template</c>, <c>--tool-format</c>).
/// </summary>
internal sealed class EngineOptions
{
    public Option<string> Engine { get; } = Parsing.ChoiceOption.Create("--engine", "The deployment: an OpenAI-compatible HTTP endpoint, or the in-process simulator.", "http", "http", "sim");

    public Option<string> Profile { get; } = Parsing.ChoiceOption.Create("--profile", "The simulator's profile (--engine sim).", "reference", [.. SimulationProfile.Names]);

    public Option<long> Seed { get; } = new("--seed") { Description = "Seeds the simulator's policy model and faults (--engine sim).", DefaultValueFactory = _ => 0 };

    public Option<string?> Expected { get; } = new("--expected") { Description = "Labels the simulator's policy follows (default: expected.jsonl next to the dataset)." };

    public Option<bool> UseRawCompletions { get; } = new("--use-raw-completions") { Description = "Render each request locally with --chat-template and POST the prompt to /completions; parse the text with --tool-format." };

    public Option<string?> ChatTemplate { get; } = new("--chat-template") { Description = "The chat template for --use-raw-completions (.jinja or tokenizer_config.json)." };

    public Option<string> ToolFormat { get; } = Parsing.ChoiceOption.Create("--tool-format", "The tool-call format of raw completions.", "kimi-k2", [.. ToolCallFormatRegistry.Names]);

    public IEnumerable<Option> All => [Engine, Profile, Seed, Expected, UseRawCompletions, ChatTemplate, ToolFormat];

    /// <summary>True when <c>--engine sim</c> was chosen.</summary>
    public bool IsSimulator(ParseResult parseResult) => string.Equals(parseResult.GetValue(Engine), "sim", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks the combination; appends problems.</summary>
    public void Validate(ParseResult parseResult, string datasetPath, List<string> problems)
    {
        if (IsSimulator(parseResult))
        {
            if (parseResult.GetValue(UseRawCompletions))
            {
                problems.Add("--use-raw-completions needs --engine http (the simulator renders and parses itself)");
            }

            var expected = ExpectedPath(parseResult, datasetPath);
            if (parseResult.GetValue(Expected) is not null && !File.Exists(expected))
            {
                problems.Add($"--expected {expected} does not exist");
            }
        }
        else if (parseResult.GetValue(UseRawCompletions))
        {
            var template = parseResult.GetValue(ChatTemplate);
            if (template is null)
            {
                problems.Add("--use-raw-completions needs --chat-template FILE");
            }
            else if (!File.Exists(template))
            {
                problems.Add($"--chat-template {template} does not exist");
            }
        }
    }

    /// <summary>The labels file: <c>--expected</c>, or <c>expected.jsonl</c> in the dataset's folder.</summary>
    public string ExpectedPath(ParseResult parseResult, string datasetPath) =>
        parseResult.GetValue(Expected) ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(datasetPath)) ?? ".", "expected.jsonl");

    /// <summary>Creates the backend: the simulator, raw completions over HTTP, or chat completions over HTTP.</summary>
    public IChatBackend Create(ParseResult parseResult, string datasetPath, HttpBackendOptions? http)
    {
        if (IsSimulator(parseResult))
        {
            var path = ExpectedPath(parseResult, datasetPath);
            var labels = File.Exists(path) ? ExpectedLabels.Read(path) : ExpectedLabels.Empty;
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
            return LocalEngine.Templates.ChatTemplate.Load(path);
        }
        catch (TemplateException ex)
        {
            throw new UsageException($"--chat-template {path}: {ex.Message}", ex);
        }
    }
}
