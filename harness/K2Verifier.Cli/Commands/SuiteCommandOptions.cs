using System.CommandLine;
using K2Verifier.Backends;

namespace K2Verifier.Cli.Commands;

/// <summary>The options of <c>suite</c>: the deployment (as <c>run</c>), the output folder and each suite's settings.</summary>
internal sealed class SuiteCommandOptions
{
    /// <summary>The suite names <c>suite</c> accepts.</summary>
    public static readonly string[] SuiteNames = ["params", "schema", "tokens", "tool-choice", "all"];

    public Argument<string[]> Names { get; } = new("names") { Description = "Suites to run: params, schema, tokens, tool-choice, or all.", Arity = ArgumentArity.OneOrMore };

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The endpoint, e.g. http://127.0.0.1:8000/v1 (required with --engine http)." };

    public Option<string?> Model { get; } = new("--model") { Description = "The model name sent in every probe (required with --engine http; default kimi-k2 with --engine sim)." };

    public Option<string?> ApiKey { get; } = new("--api-key") { Description = "API key (default: $OPENAI_API_KEY). Never written to any output." };

    public Option<string> Out { get; } = new("--out") { Description = "The folder of suite-NAME.jsonl, suite-NAME.json and suite-NAME.junit.xml.", DefaultValueFactory = _ => "suites" };

    public Option<int> Concurrency { get; } = new("--concurrency") { Description = "Probes in flight at once.", DefaultValueFactory = _ => 5 };

    public Option<int> Timeout { get; } = new("--timeout") { Description = "Per-attempt timeout in seconds.", DefaultValueFactory = _ => 600 };

    public Option<int> Retries { get; } = new("--retries") { Description = "Retries for 5xx, timeouts and connection errors.", DefaultValueFactory = _ => 3 };

    public Option<int> RateLimitRetries { get; } = new("--rate-limit-retries") { Description = "Retries for 429 responses.", DefaultValueFactory = _ => 10 };

    public Option<bool> Incremental { get; } = new("--incremental") { Description = "Keep the finished probes of existing journals in --out and send only the rest." };

    public Option<string> ModelProfile { get; } = Parsing.ChoiceOption.Create("--model-profile", "Request values the model's vendor fixes, put into every params and tool-choice probe (kimi-k2-thinking: temperature 1.0, top_p 0.95).", "default", [.. K2Verifier.Suites.Params.ModelProfile.Names]);

    public Option<string?> ParamsFile { get; } = new("--params-file") { Description = "A JSONL file of params probes applied over the built-in table (same name replaces, \"disabled\": true removes)." };

    public Option<string?> Schemas { get; } = new("--schemas") { Description = "The schema suite's corpus: one JSON Schema per line (default: every distinct tool schema of datasets/k2v-4000 and ../shared/datasets/bfcl)." };

    public Option<bool> NoStrict { get; } = new("--no-strict") { Description = "Leave strict: true off the forced tools." };

    public Option<int> Reruns { get; } = new("--reruns") { Description = "Attempts per schema and mode (KVV's 3).", DefaultValueFactory = _ => 3 };

    public Option<string> Dataset { get; } = new("--dataset") { Description = "The tokens suite's requests (K2VV format).", DefaultValueFactory = _ => Path.Combine("datasets", "k2v-4000", "samples.jsonl") };

    public Option<int> Sample { get; } = new("--sample") { Description = "Requests of --dataset the tokens suite sends (a systematic sample).", DefaultValueFactory = _ => 100 };

    public Option<string?> Tokenizer { get; } = new("--tokenizer") { Description = "The model's tokenizer for the tokens suite: a tokenizer.json, a tiktoken file, or a folder holding one (default with --engine sim: the simulator's; --engine local: --model-dir)." };

    public EngineOptions Engines { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Names);
        foreach (var option in new Option[] { BaseUrl, Model, ApiKey, Out, Concurrency, Timeout, Retries, RateLimitRetries, Incremental, ModelProfile, ParamsFile, Schemas, NoStrict, Reruns, Dataset, Sample, Tokenizer })
        {
            command.Options.Add(option);
        }

        foreach (var option in Engines.All)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The suites asked for, in canonical order (<c>all</c> expands); every problem is reported at once.</summary>
    public IReadOnlyList<string> Suites(ParseResult parseResult, List<string> problems)
    {
        var names = parseResult.GetValue(Names) ?? [];
        foreach (var name in names.Where(n => !SuiteNames.Contains(n, StringComparer.Ordinal)))
        {
            problems.Add(Parsing.ChoiceOption.InvalidValueMessage("suite", name, SuiteNames));
        }

        return names.Contains("all") ? [.. SuiteNames.SkipLast(1)] : [.. SuiteNames.Where(names.Contains)];
    }

    /// <summary>The HTTP backend's options (null unless --engine http); appends problems.</summary>
    public HttpBackendOptions? Http(ParseResult parseResult, List<string> problems)
    {
        var sim = Engines.IsSimulator(parseResult);
        var local = Engines.IsLocal(parseResult);
        var baseUrl = parseResult.GetValue(BaseUrl);
        if (sim || local)
        {
            if (baseUrl is not null)
            {
                problems.Add($"--base-url is not used with --engine {(sim ? "sim" : "local")}");
            }

            return null;
        }

        if (parseResult.GetValue(Model) is null)
        {
            problems.Add("--model is required with --engine http");
        }

        if (baseUrl is null || !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0)
        {
            problems.Add(baseUrl is null ? "--base-url is required with --engine http" : $"--base-url \"{baseUrl}\" is not an http(s) URL without credentials (e.g. http://127.0.0.1:8000/v1)");
            return null;
        }

        var options = new HttpBackendOptions
        {
            BaseUrl = uri,
            ApiKey = parseResult.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("OPENAI_API_KEY"),
            Timeout = TimeSpan.FromSeconds(Math.Max(1, parseResult.GetValue(Timeout))),
            Retry = RetryOptions.Default with { Retries = parseResult.GetValue(Retries), RateLimitRetries = parseResult.GetValue(RateLimitRetries) },
        };
        problems.AddRange(options.Validate());
        return options;
    }
}
