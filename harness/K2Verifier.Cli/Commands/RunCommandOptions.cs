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

    public Option<int> IdleTimeout { get; } = new("--idle-timeout")
    {
        Description = "Seconds without a byte on a streamed response before the attempt ends as 'stalled' (retried); 0 turns it off.",
        DefaultValueFactory = _ => 120,
    };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries for 5xx, timeouts and connection errors.", DefaultValueFactory = _ => 3 };

    public Option<int?> RateLimitRetries { get; } = new("--rate-limit-retries") { Description = "An optional hard cap on retries for 429 responses (default: none; --max-wait bounds them)." };

    public RateLimitCommandOptions RateLimits { get; } = new();

    public Option<string?> ExtraBody { get; } = new("--extra-body") { Description = "A JSON object merged into every request body." };

    public Option<double?> Temperature { get; } = new("--temperature") { Description = "Override every request's temperature." };

    public Option<int?> MaxTokens { get; } = new("--max-tokens") { Description = "Override every request's max_tokens." };

    public Option<bool> Incremental { get; } = new("--incremental") { Description = "Keep successful rows of an existing --output (matched by request hash) and send only the rest." };

    public Option<string> Output { get; } = new("--output") { Description = "The results journal.", DefaultValueFactory = _ => "results.jsonl" };

    public Option<string> Summary { get; } = new("--summary") { Description = "The summary file.", DefaultValueFactory = _ => "summary.json" };

    public Option<int> Repeat { get; } = new("--repeat") { Description = "Run the dataset N times (results.rI.jsonl, summary.rI.json) and summarise mean, min, max and interval across runs in --summary.", DefaultValueFactory = _ => 1 };

    public Option<string?> ReportDir { get; } = new("--report-dir") { Description = "At the end, write the report (CSV, SVG charts, HTML, Markdown) into this folder." };

    public Option<string?> SuiteResults { get; } = new("--suite-results") { Description = "A folder written by suite (suite-NAME.json): embed its results in summary.json under suites (gates: suites.NAME.required_failed…) and in --report-dir." };

    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document on stdout (the summary with its gates and verdict); progress and messages go to stderr." };

    public Option<double> MaxFailureRate { get; } = new("--max-failure-rate")
    {
        Description = "Exit 3 (the run could not measure the deployment) when more than this share of requests failed, 0 to 1; no success at all always exits 3.",
        DefaultValueFactory = _ => RunVerdictPolicy.DefaultMaxFailureRate,
    };
    /// <summary><c>--validator python|spec</c>.</summary>
    public ValidatorOptions Validator { get; } = new();

    public Option<bool> Strict { get; } = new("--strict") { Description = "Stop with exit code 2 at the first unusable dataset line instead of skipping it." };

    public BaselineOptions Baselines { get; } = new();

    public EngineOptions Engines { get; } = new();

    public GateOptions Gates { get; } = new();

    public ShardOptions Sharding { get; } = new();

    public TelemetryOptions Telemetry { get; } = new();

    public EarlyStopOptions EarlyStopping { get; } = new();

    /// <summary>Where the shard of the last <see cref="Bind"/> came from (<c>--shard</c>, <c>SLURM_ARRAY_TASK_ID</c>, …); null when unsharded.</summary>
    public string? ShardSource { get; private set; }

    public Option<bool> NormalizeToolIds { get; } = new("--normalize-tool-ids") { Description = "Rewrite historical tool-call ids to functions.NAME:IDX (calls and tool answers) before sending." };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Samples);
        foreach (var option in new Option[] { BaseUrl, Model, ApiKey, Concurrency, Timeout, IdleTimeout, Retries, RateLimitRetries, ExtraBody, Temperature, MaxTokens, Incremental, Output, Summary, Repeat, Strict, NormalizeToolIds, ReportDir, SuiteResults, Json, MaxFailureRate })
        {
            command.Options.Add(option);
        }

        RateLimits.AddTo(command);
        foreach (var option in Engines.All.Concat(Sharding.All).Concat(Telemetry.All).Concat(EarlyStopping.All))
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
        (var shard, ShardSource) = Sharding.Bind(parseResult, problems);
        Telemetry.Validate(parseResult, problems);
        var earlyStop = EarlyStopping.Bind(parseResult, gates, baseline, problems);
        if (parseResult.GetValue(EarlyStopping.EarlyStop) && (shard is not null || parseResult.GetValue(Incremental) || parseResult.GetValue(Repeat) > 1))
        {
            problems.Add("--early-stop decides over the whole dataset in one run: it cannot be combined with a shard, --incremental or --repeat");
        }

        if (shard is not null && parseResult.GetValue(Repeat) > 1)
        {
            problems.Add("--repeat cannot be combined with a shard: repeat the sharded job instead");
        }

        if (parseResult.GetValue(SuiteResults) is not null && parseResult.GetValue(Repeat) > 1)
        {
            problems.Add("--suite-results embeds the suites in one run's summary: it cannot be combined with --repeat");
        }

        var run = new RunOptions
        {
            DatasetPath = parseResult.GetValue(Samples)!,
            OutputPath = parseResult.GetValue(Output)!,
            SummaryPath = parseResult.GetValue(Summary)!,
            Concurrency = parseResult.GetValue(Concurrency),
            Incremental = parseResult.GetValue(Incremental),
            Strict = parseResult.GetValue(Strict),
            Shard = shard,
            EarlyStop = earlyStop,
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
                IdleTimeout = TimeSpan.FromSeconds(Math.Max(0, parseResult.GetValue(IdleTimeout))),
                Retry = RetryOptions.Default with { Retries = parseResult.GetValue(Retries), RateLimitRetries = parseResult.GetValue(RateLimitRetries) },
                RateLimit = RateLimits.Bind(parseResult, run.Concurrency),
            };
            problems.AddRange(backend.Validate());
        }

        if (parseResult.GetValue(Repeat) is < 1 or > 100)
        {
            problems.Add($"--repeat {parseResult.GetValue(Repeat)} is out of range (1 to 100)");
        }

        if (parseResult.GetValue(MaxFailureRate) is not (>= 0 and <= 1))
        {
            problems.Add($"--max-failure-rate {parseResult.GetValue(MaxFailureRate)} is out of range (0 to 1, e.g. 0.05)");
        }

        if (parseResult.GetValue(IdleTimeout) < 0)
        {
            problems.Add($"--idle-timeout {parseResult.GetValue(IdleTimeout)} must not be negative (0 turns it off)");
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
