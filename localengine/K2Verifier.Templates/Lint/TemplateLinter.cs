using System.Text.Json.Nodes;

namespace K2Verifier.Templates.Lint;

/// <summary>One problem <see cref="TemplateLinter"/> found: which integration bug, what it saw, and how to fix it.</summary>
/// <param name="Check"><c>generation-prompt</c>, <c>content-parts</c> or <c>history-ids</c>.</param>
/// <param name="Message">What the probe rendered.</param>
/// <param name="Fix">How to fix the template.</param>
public sealed record TemplateFinding(string Check, string Message, string Fix);

/// <summary>
/// Checks a chat template for the three integration bugs of DESIGN.md by rendering probe conversations: the prompt
/// must end in an assistant opener exactly when <c>add_generation_prompt</c> is set; list-of-parts content must be
/// rendered as its text (and <c>""</c> the same as <c>[{"type":"text","text":""}]</c>); historical tool-call ids must be
/// rendered as given.
/// </summary>
public static class TemplateLinter
{
    private const string PartsProbe = "PARTS_PROBE_7";
    private static readonly string[] Openers = ["<|im_assistant|>assistant<|im_middle|>", "<|im_start|>assistant\n", "<|im_start|>assistant", "<|Assistant|>", "<|start_header_id|>assistant<|end_header_id|>"];

    /// <summary>Every finding for <paramref name="template"/> (empty when clean).</summary>
    public static IReadOnlyList<TemplateFinding> Lint(ChatTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var findings = new List<TemplateFinding>();
        CheckGenerationPrompt(template, findings);
        CheckParts(template, findings);
        CheckIds(template, findings);
        return findings;
    }

    private static void CheckGenerationPrompt(ChatTemplate template, List<TemplateFinding> findings)
    {
        var without = Render(template, "[{\"role\":\"user\",\"content\":\"hi\"}]", false, findings, "generation-prompt");
        var with = Render(template, "[{\"role\":\"user\",\"content\":\"hi\"}]", true, findings, "generation-prompt");
        if (without is null || with is null)
        {
            return;
        }

        if (with == without)
        {
            findings.Add(new("generation-prompt", "add_generation_prompt=true renders the same prompt as false: the prompt never ends in an assistant opener, so the model continues the user's text (vLLM bug #1)",
                "append the assistant opener under {%- if add_generation_prompt -%} … {%- endif -%} at the end of the template"));
        }

        if (Openers.FirstOrDefault(o => without.EndsWith(o, StringComparison.Ordinal)) is { } opener)
        {
            findings.Add(new("generation-prompt", $"without add_generation_prompt the prompt already ends in the assistant opener {opener}",
                "emit the opener only when add_generation_prompt is true"));
        }
    }

    private static void CheckParts(ChatTemplate template, List<TemplateFinding> findings)
    {
        const string History = """[{"role":"user","content":"hi"},{"role":"assistant","content":CONTENT},{"role":"user","content":"again"}]""";
        var parts = Render(template, History.Replace("CONTENT", $"[{{\"type\":\"text\",\"text\":\"{PartsProbe}\"}}]", StringComparison.Ordinal), true, findings, "content-parts");
        var empty = Render(template, History.Replace("CONTENT", "\"\"", StringComparison.Ordinal), true, findings, "content-parts");
        var emptyParts = Render(template, History.Replace("CONTENT", "[{\"type\":\"text\",\"text\":\"\"}]", StringComparison.Ordinal), true, findings, "content-parts");
        if (parts is null || empty is null || emptyParts is null)
        {
            return;
        }

        const string Fix = "render list content part by part: {% for part in content %}{% if part['type'] == 'text' %}{{ part['text'] }}{% endif %}{% endfor %}";
        if (parts.Contains($"'{PartsProbe}'", StringComparison.Ordinal) || parts.Contains($"\"{PartsProbe}\"", StringComparison.Ordinal) || !parts.Contains(PartsProbe, StringComparison.Ordinal))
        {
            findings.Add(new("content-parts", "list-of-parts content is not rendered as its text (the list's literal text is printed, or the text is lost) (vLLM bug #2)", Fix));
        }
        else if (empty != emptyParts)
        {
            findings.Add(new("content-parts", "content \"\" and [{\"type\":\"text\",\"text\":\"\"}] render differently; servers that promote one to the other change the prompt", Fix));
        }
    }

    private static void CheckIds(ChatTemplate template, List<TemplateFinding> findings)
    {
        const string History = """
            [{"role":"user","content":"find news"},
             {"role":"assistant","content":"","tool_calls":[{"id":"ID","type":"function","function":{"name":"search","arguments":"{\"q\": \"news\"}"}}]},
             {"role":"tool","tool_call_id":"ID","content":"no news"},{"role":"user","content":"thanks"}]
            """;
        var canonical = Render(template, History.Replace("ID", "functions.search:0", StringComparison.Ordinal), true, findings, "history-ids");
        var plain = Render(template, History.Replace("ID", "search:0", StringComparison.Ordinal), true, findings, "history-ids");
        if (canonical is null || plain is null || !canonical.Contains("functions.search:0", StringComparison.Ordinal))
        {
            return; // the template does not print ids (or failed above)
        }

        if (!plain.Contains("search:0", StringComparison.Ordinal) || plain.Contains("functions.search:0", StringComparison.Ordinal))
        {
            findings.Add(new("history-ids", "historical tool-call ids are not rendered as given (search:0 was rewritten or dropped)",
                "print tool_call['id'] as it is, and normalise ids before the request (K2Verifier: run --normalize-tool-ids) rather than in the template"));
        }
    }

    private static string? Render(ChatTemplate template, string messages, bool generationPrompt, List<TemplateFinding> findings, string check)
    {
        try
        {
            var tools = JsonNode.Parse("""[{"type":"function","function":{"name":"search","description":"Search.","parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}]""")!.AsArray();
            return template.Render(new ChatTemplateRequest { Messages = JsonNode.Parse(messages)!.AsArray(), Tools = tools, AddGenerationPrompt = generationPrompt });
        }
        catch (TemplateException ex)
        {
            findings.Add(new(check, $"the probe conversation failed to render: {ex.Message}", "make the template accept this conversation shape (it is valid chat-completion input)"));
            return null;
        }
    }
}
