using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Preparation;
using K2Verifier.Suites.Probing;
using K2Verifier.Templates;

namespace K2Verifier.Suites.Tokens;

/// <summary>
/// Prompt-token accounting (KVV <c>tests/prompt_tokens/</c>): for a sample of dataset requests, the prompt is rendered
/// with the model's chat template (our Jinja interpreter) and counted with the model's tokenizer; the vendor's
/// <c>usage.prompt_tokens</c> must fall within [ours, ours + 3]. Outside it, the row gives the difference and names the
/// render bug whose count it matches: bug 1 (the generation-prompt opener missing) or bug 2 (a parts list, or an empty
/// content promoted to one, printed as text by a template written for strings).
/// </summary>
public sealed class TokensSuite : IProbeSuite
{
    // A template written for strings prints a parts list as the list's literal text; our interpreter prints it as Jinja does.
    private static readonly Lazy<ChatTemplate> Printer = new(() => ChatTemplate.FromText("{{ c }}", "print"));

    private readonly IReadOnlyList<ProbeCase> _cases;

    private TokensSuite(IReadOnlyList<ProbeCase> cases) => _cases = cases;

    /// <inheritdoc/>
    public string Name => "tokens";

    /// <summary>Reads a systematic sample of <paramref name="sample"/> requests of <paramref name="datasetPath"/> and counts each prompt.</summary>
    public static async Task<TokensSuite> CreateAsync(string datasetPath, int sample, string model, ChatTemplate template, Func<string, int> count, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(count);
        var preparer = new RequestPreparer(new PreparationOptions { Model = model, MaxTokens = 1 });
        var records = new List<DatasetRecord>();
        await foreach (var record in DatasetReader.ReadAsync(datasetPath, cancellationToken).ConfigureAwait(false))
        {
            if (record.IsValid)
            {
                records.Add(record);
            }
        }

        var step = Math.Max(1, (int)Math.Ceiling(records.Count / (double)Math.Max(1, sample)));
        var cases = new List<ProbeCase>();
        for (var i = 0; i < records.Count && cases.Count < sample; i += step)
        {
            var prepared = preparer.Prepare(records[i]);
            var body = JsonNode.Parse(prepared.WireBodyJson) as JsonObject ?? [];
            var expectation = Expect(body, template, count);
            cases.Add(new ProbeCase
            {
                Probe = $"line-{records[i].DataIndex.ToString("D4", CultureInfo.InvariantCulture)}",
                Body = body,
                Expected = expectation.Problem is null ? $"[{expectation.Expected}, {expectation.Expected + TokenExpectation.Window}]" : "render",
                Rationale = "usage.prompt_tokens within [ours, ours + 3] (KVV's window)",
                Features = [EmptyContent(body) ? "parts_or_empty_content" : "string_content", body["tools"] is JsonArray { Count: > 0 } ? "tools" : "no_tools"],
                Context = expectation,
            });
        }

        return new TokensSuite(cases);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ProbeCase> Cases() => _cases;

    /// <inheritdoc/>
    public ProbeVerdict Judge(ProbeCase probe, BackendResponse response)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var expectation = (TokenExpectation)probe.Context!;
        if (expectation.Problem is not null)
        {
            return new ProbeVerdict(ProbeStatus.Error, false, "not_rendered", "render_failed", expectation.Problem);
        }

        var answer = ProbeAnswer.Read(response);
        if (answer.Response is null)
        {
            return new ProbeVerdict(answer.IsClientError ? ProbeStatus.Fail : ProbeStatus.Error, false, answer.StatusClass, answer.IsClientError ? "refused" : "no_response", ProbeAnswer.ErrorMessage(response));
        }

        if (answer.Response.Usage is not { PromptTokens: > 0 } usage)
        {
            return new ProbeVerdict(ProbeStatus.Fail, false, "no_usage", "no_usage", "the response has no usage.prompt_tokens");
        }

        var got = usage.PromptTokens.ToString(CultureInfo.InvariantCulture);
        if (TokenExpectation.InWindow(usage.PromptTokens, expectation.Expected))
        {
            return new ProbeVerdict(ProbeStatus.Pass, true, got, "in_window");
        }

        var difference = usage.PromptTokens - expectation.Expected;
        var (reason, named) = NameBug(usage.PromptTokens, expectation);
        var detail = string.Create(CultureInfo.InvariantCulture, $"vendor {usage.PromptTokens}, ours {expectation.Expected} ({difference:+#;-#;0})") + (named is null ? string.Empty : $": {named}");
        return new ProbeVerdict(ProbeStatus.Fail, false, got, reason, detail);
    }

    private static (string Reason, string? Named) NameBug(long count, TokenExpectation e)
    {
        if (e.Both is { } both && TokenExpectation.InWindow(count, both) && !TokenExpectation.InWindow(count, e.WithoutGenerationPrompt))
        {
            return ("bug1_and_bug2", $"bug 1, the generation-prompt opener ({e.OpenerTokens} tokens) is missing, and bug 2, a parts list (or an empty content promoted to one) printed as text");
        }

        if (TokenExpectation.InWindow(count, e.WithoutGenerationPrompt))
        {
            return ("bug1_generation_prompt", $"bug 1, the generation-prompt opener ({e.OpenerTokens} tokens) is missing");
        }

        return e.PrintedParts is { } printed && TokenExpectation.InWindow(count, printed)
            ? ("bug2_printed_parts", "bug 2, a parts list (or an empty content promoted to one) printed as text")
            : ("count_mismatch", null);
    }

    private static TokenExpectation Expect(JsonObject body, ChatTemplate template, Func<string, int> count)
    {
        try
        {
            var expected = count(Render(body, template, generationPrompt: true, printParts: false));
            var without = count(Render(body, template, generationPrompt: false, printParts: false));
            int? printed = null, both = null;
            if (EmptyContent(body))
            {
                printed = count(Render(body, template, generationPrompt: true, printParts: true));
                both = count(Render(body, template, generationPrompt: false, printParts: true));
            }

            return new TokenExpectation(expected, without, printed, both);
        }
        catch (TemplateException ex)
        {
            return new TokenExpectation(0, 0, null, null, ex.Message);
        }
    }

    /// <summary>Renders <paramref name="body"/> the way a server does before counting its prompt.</summary>
    public static string Render(JsonObject body, ChatTemplate template, bool generationPrompt, bool printParts)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(template);
        var messages = body["messages"] is JsonArray list ? (JsonArray)list.DeepClone() : [];
        if (printParts)
        {
            foreach (var message in messages.OfType<JsonObject>().Where(Printable))
            {
                var parts = message["content"] as JsonArray ?? new JsonArray(new JsonObject { ["type"] = "text", ["text"] = string.Empty });
                message["content"] = Printer.Value.Render(new ChatTemplateRequest { Messages = [], Variables = new JsonObject { ["c"] = parts.DeepClone() } });
            }
        }

        return template.Render(new ChatTemplateRequest
        {
            Messages = messages,
            Tools = body["tools"] is JsonArray { Count: > 0 } tools ? (JsonArray)tools.DeepClone() : null,
            AddGenerationPrompt = generationPrompt,
        });
    }

    private static bool EmptyContent(JsonObject body) => (body["messages"] as JsonArray ?? []).OfType<JsonObject>().Any(Printable);

    // content "" (which vLLM 0.11.0 promoted to a parts list) or a parts list: what a template written for strings prints.
    private static bool Printable(JsonObject message) =>
        message["content"] is JsonArray || (message["content"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length == 0);
}
