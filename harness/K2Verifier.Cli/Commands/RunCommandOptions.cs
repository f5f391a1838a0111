using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Preparation;
using K2Verifier.Running;

namespace K2Verifier.Cli.Commands;

/// <summary>The options of <c>run</c> (K2VV's names and defaults, then ours) and their binding to <see cref="RunOptions"/>.</summary>
internal sealed class RunCommandOptions
{
    public Argument<string> Samples { get; } = new("samples") { Description = "The dataset: JSONL, one chat-completion request body per line." };

    public Option<string> BaseUrl { get; } = new("--base-url") { Description = "The endpoint, e.g. http://127.0.0.1:8000/v1 (required with --engine http)." };

    public Option<string> Model { get; } = new("--model") { Description = "The model name sent in every request (required with --engine http; --engine local defaults to the model folder's name)." };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key (default: $OPENAI_API_KEY). Never written to any output." };

    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 5 };

    public Option<int> Timeout { get; } = new("--timeout") { Description = "Per-attempt timeout in seconds.", DefaultValueFactory = _ => 600 };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries for 5xx, timeouts and connection errors.", DefaultValueFactory = _ => 3 };

    public Option<int> RateLimitRetries { get; } = new("--rate-limit-retries") { Description = "Retries for 429 responses (a rate limit means the endpoint is alive).", DefaultValueFactory = _ => 10 };

    public Option<string?> ExtraBody { get; } = new("--extra-body") { Description = "A JSON object merged into every request body." };

    public Option<double?> Temperature { get; } = new("--temperature") { Description = "Override every request's temperature." };

    public Option<int?> MaxTokens { get; } = new("--max-tokens") { Description = "Override every request's max_tokens." };

    public Option<bool> Incremental { get; } = new("--incremental") { Description = "Keep successful rows of an existing --output (matched by request hash) and send only the rest." };

    public Option<string> Output { get; } = new("--output") { Description = "The results journal.", DefaultValueFactory = _ => "results.jsonl" };

    public Option<string> Summary { get; } = new("--summary") { Description = "The summary file.", DefaultValueFactory = _ => "summary.json" };

    public Option<int> Repeat { get; } = new("--repeat") { Description = "Run the dataset N times (results.rI.jsonl, summary.rI.json) and summarise mean, min, max and interval across runs in --summary.", DefaultValueFactory = _ => 1 };

    public Option<string?> ReportDir { get; } = new("--report-dir") { Description = "At the end, write the report (CSV, SVG charts, HTML, Markdown) into this folder." };

    /// <summary><c>--validator python|spec</c>.</summary>
    public ValidatorOptions Validator { get; } = new();

    public Option<bool> Strict { get; } = new("--strict") { Description = "Stop with exit code 2 at the first unusable dataset line instead of skipping it." };

    public BaselineOptions Baselines { get; } = new();

    public EngineOptions Engines { get; } = new();

    public GateOptions Gates { get; } = new();

    public Option<bool> NormalizeToolIds { get; } = new("--normalize-tool-ids") { Description = "Rewrite historical tool-call ids to functions.NAME:IDX (calls and tool answers) before sending." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Samples);
        foreach (var option in new Option[] { BaseUrl, Model, ApiKey, Concurrency, Timeout, Retries, RateLimitRetries, ExtraBody, Temperature, MaxTokens, Incremental, Output, Summary, Repeat, Strict, NormalizeToolIds, ReportDir })
        {
            command.Options.Add(option);
        }

        foreach (var option in Engines.All)
        {
            command.Options.Add(option);
        }

        Baselines.AddTo(command);
        Gates.AddTo(command);
    }

    /// <summary>Builds and validates the options; every problem is reported at once as a <see cref="UsageException"/>.</summary>
    public (RunOptions Run, HttpBackendOptions? Backend, IReadOnlyList<GateExpression> Gates) Bind(ParseResult parseResult)
    {
        var gates = Gates.Bind(parseResult, SummaryMetrics.IsKnown, SummaryMetrics.Names);
        var baseline = Baselines.Load(parseResult);
        var problems = new List<string>();
        var simulator = Engines.IsSimulator(parseResult);
        var local = Engines.IsLocal(parseResult);
        var baseUrl = parseResult.GetValue(BaseUrl);
        Uri? uri = null;
        if (simulator || local)
        {
            if (baseUrl is not null)
            {
                problems.Add($"--base-url is not used with --engine {(simulator ? "sim" : "local")}");
            }
        }
        else if (baseUrl is null)
        {
            problems.Add("--base-url is required with --engine http");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out uri) || uri.Scheme is not ("http" or "https"))
        {
            problems.Add($"--base-url \"{baseUrl}\" is not an http(s) URL (e.g. http://127.0.0.1:8000/v1)");
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            problems.Add("--base-url must not carry credentials; use --api-key or OPENAI_API_KEY");
        }

        if (!simulator && !local && parseResult.GetValue(Model) is null)
        {
            problems.Add("--model is required with --engine http");
        }

        Engines.Validate(parseResult, problems);
        var extraBody = ParseExtraBody(parseResult.GetValue(ExtraBody), problems);
        var run = new RunOptions
        {
            DatasetPath = parseResult.GetValue(Samples)!,
            OutputPath = parseResult.GetValue(Output)!,
            SummaryPath = parseResult.GetValue(Summary)!,
            Concurrency = parseResult.GetValue(Concurrency),
            Incremental = parseResult.GetValue(Incremental),
            Strict = parseResult.GetValue(Strict),
            Endpoint = simulator ? $"sim://{parseResult.GetValue(Engines.Profile)}" : local ? $"local://{LocalModelName(parseResult)}" : uri?.GetLeftPart(UriPartial.Path),
            Baseline = baseline,
            PublishedTable = Baselines.PublishedTable(parseResult),
            Preparation = new PreparationOptions
            {
                Model = local ? LocalModelName(parseResult) : parseResult.GetValue(Model),
                Temperature = parseResult.GetValue(Temperature),
                MaxTokens = parseResult.GetValue(MaxTokens),
                ExtraBody = extraBody,
                NormalizeToolIds = parseResult.GetValue(NormalizeToolIds),
            },
        };
        problems.AddRange(run.Validate());
        HttpBackendOptions? backend = null;
        if (uri is not null && problems.Count == 0)
        {
            backend = new HttpBackendOptions
            {
                BaseUrl = uri,
                ApiKey = parseResult.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
                Timeout = TimeSpan.FromSeconds(parseResult.GetValue(Timeout)),
                Retry = RetryOptions.Default with { Retries = parseResult.GetValue(Retries), RateLimitRetries = parseResult.GetValue(RateLimitRetries) },
            };
            problems.AddRange(backend.Validate());
        }

        if (parseResult.GetValue(Repeat) is < 1 or > 100)
        {
            problems.Add($"--repeat {parseResult.GetValue(Repeat)} is out of range (1 to 100)");
        }

        if (parseResult.GetValue(Timeout) <= 0)
        {
            problems.Add($"--timeout {parseResult.GetValue(Timeout)} must be positive");
        }

        if (problems.Count > 0)
        {
            throw new UsageException(string.Join(Environment.NewLine + "error: ", problems.Distinct()));
        }

        return (run, backend, gates);
    }

    /// <summary>--model, else the model folder's name (null while --model-dir is missing; validation reports it).</summary>
    private string? LocalModelName(ParseResult parseResult) =>
        parseResult.GetValue(Model) ?? (parseResult.GetValue(Engines.Local.ModelDir) is { } directory ? LocalModelOptions.DefaultModelName(directory) : null);

    private static JsonObject? ParseExtraBody(string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject body)
            {
                return body;
            }

            problems.Add("--extra-body must be a JSON object, e.g. '{\"top_p\": 0.95}'");
        }
        catch (JsonException ex)
        {
            problems.Add($"--extra-body is not JSON: {ex.Message}");
        }

        return null;
    }
}
