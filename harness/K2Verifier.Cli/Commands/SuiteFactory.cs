using System.CommandLine;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Suites.Params;
using K2Verifier.Suites.Probing;
using K2Verifier.Suites.Schema;
using K2Verifier.Suites.Tokens;
using K2Verifier.Suites.ToolChoice;
using K2Verifier.Templates;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>Builds the suites <c>suite</c> was asked for from its options; unreadable inputs are usage errors.</summary>
internal static class SuiteFactory
{
    /// <summary>The BFCL set the importer produces, beside the clone (used when present).</summary>
    public static readonly string BfclSamples = Path.Combine("..", "shared", "datasets", "bfcl", "samples.jsonl");

    public static async Task<IProbeSuite> CreateAsync(string name, SuiteCommandOptions o, ParseResult parseResult, string model, TextWriter log, CancellationToken cancellationToken)
    {
        var profile = ModelProfile.Find(parseResult.GetValue(o.ModelProfile)!) ?? ModelProfile.Default;
        return name switch
        {
            "params" => new ParamsSuite(Read(() => ParamProbeTable.Load(parseResult.GetValue(o.ParamsFile)), "--params-file"), model, profile),
            "tool-choice" => new ToolChoiceSuite(model, profile),
            "schema" => new SchemaSuite(Corpus(o, parseResult, log), model, JsonSchemaValidator.Default)
            {
                Strict = !parseResult.GetValue(o.NoStrict),
                Reruns = parseResult.GetValue(o.Reruns),
            },
            _ => await TokensAsync(o, parseResult, model, log, cancellationToken).ConfigureAwait(false),
        };
    }

    private static IReadOnlyList<SchemaEntry> Corpus(SuiteCommandOptions o, ParseResult parseResult, TextWriter log)
    {
        if (parseResult.GetValue(o.Schemas) is { } file)
        {
            return Read(() => SchemaCorpus.FromFile(file), "--schemas");
        }

        var sources = new[] { Path.Combine("datasets", "k2v-4000", "samples.jsonl"), BfclSamples }.Where(File.Exists).ToList();
        if (sources.Count == 0)
        {
            throw new UsageException("schema: the built-in corpus needs datasets/k2v-4000/samples.jsonl (run from the clone's root) or --schemas FILE");
        }

        var corpus = SchemaCorpus.FromDatasets(sources);
        log.WriteLine($"schema: {corpus.Count} distinct tool schemas from {string.Join(" and ", sources)}");
        return corpus;
    }

    private static async Task<TokensSuite> TokensAsync(SuiteCommandOptions o, ParseResult parseResult, string model, TextWriter log, CancellationToken cancellationToken)
    {
        var sim = o.Engines.IsSimulator(parseResult);
        var modelDir = parseResult.GetValue(o.Engines.Local.ModelDir);
        var templatePath = parseResult.GetValue(o.Engines.ChatTemplate) ?? (modelDir is null ? null : Path.Combine(modelDir, "tokenizer_config.json"));
        var template = templatePath is not null && !sim ? Read(() => ChatTemplate.Load(templatePath), "--chat-template")
            : sim ? SimulatorTemplates.Kimi
            : throw new UsageException("tokens: --chat-template FILE is required with --engine http (the model's chat template)");
        Func<string, int> count;
        string described;
        // The local engine counts with the tokenizer it serves: the trimmed copy when the model's is wider than its logits.
        var tokenizerPath = parseResult.GetValue(o.Tokenizer) ?? (modelDir is null || sim ? modelDir : OrtGenAI.Serving.TrimmedModelCache.Resolve(modelDir, out _));
        if (tokenizerPath is not null && !sim)
        {
            var tokenizer = Read(() => PromptTokenizer.Load(tokenizerPath), "--tokenizer");
            (count, described) = (tokenizer.Count, tokenizer.Description);
        }
        else if (sim)
        {
            (count, described) = (SimulatorTokenizer.Count, "the simulator's (o200k_base with the Kimi K2 markers)");
        }
        else
        {
            throw new UsageException("tokens: --tokenizer PATH is required with --engine http (tokenizer.json or tiktoken file)");
        }

        var dataset = parseResult.GetValue(o.Dataset)!;
        if (!File.Exists(dataset))
        {
            throw new UsageException($"tokens: --dataset {dataset} does not exist");
        }

        log.WriteLine($"tokens: template {template.Name}, tokenizer {described}, {parseResult.GetValue(o.Sample)} requests of {dataset}");
        return await TokensSuite.CreateAsync(dataset, parseResult.GetValue(o.Sample), model, template, count, cancellationToken).ConfigureAwait(false);
    }

    private static T Read<T>(Func<T> load, string option)
    {
        try
        {
            return load();
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException or TemplateException or System.Text.Json.JsonException)
        {
            throw new UsageException($"{option}: {ex.Message}", ex);
        }
    }
}
