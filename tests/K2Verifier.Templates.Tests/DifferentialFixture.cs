using System.Text.Json.Nodes;
using K2Verifier.Templates.Tests.TestSupport;

namespace K2Verifier.Templates.Tests;

/// <summary>One render compared: ours and the reference's, for the report and the assertion message.</summary>
internal sealed record Comparison(string Template, string Case, OracleResult Reference, string? Ours, string? OurError)
{
    public bool Agrees => Reference.Ok ? Ours == Reference.Text : OurError is not null;
}

/// <summary>
/// Renders the whole differential corpus once: the seeded conversations with the Kimi (original and thinking),
/// Qwen3 and DeepSeek-V3 templates, with and without the generation prompt, plus the feature snippets. The reference
/// is one python3 process over everything.
/// </summary>
public sealed class DifferentialFixture
{
    public const int ConversationCount = 300;
    public const int Seed = 20251115;

    public DifferentialFixture()
    {
        var templates = new Dictionary<string, string>
        {
            ["kimi-k2-original"] = Repository.Shared("templates", "kimi-k2-original.jinja"),
            ["kimi-k2-thinking"] = Repository.Shared("templates", "kimi-k2-thinking.jinja"),
            ["qwen3"] = NpmTemplates.Qwen3,
            ["deepseek-v3"] = NpmTemplates.DeepSeekV3,
        };
        var specs = templates.ToDictionary(
            t => t.Key,
            t => t.Value.EndsWith(".json", StringComparison.Ordinal) ? new JsonObject { ["config"] = t.Value } : new JsonObject { ["source"] = File.ReadAllText(t.Value) });
        var ours = templates.ToDictionary(t => t.Key, t => ChatTemplate.Load(t.Value));
        var cases = new List<(string Template, string Name, OracleCase Case)>();
        foreach (var conversation in ConversationCorpus.Generate(ConversationCount, Seed))
        {
            foreach (var template in templates.Keys)
            {
                foreach (var generationPrompt in new[] { false, true })
                {
                    cases.Add((template, $"conversation {conversation.Id} (add_generation_prompt={generationPrompt})",
                        new OracleCase(template, conversation.Messages, conversation.Tools, generationPrompt, conversation.Kwargs)));
                }
            }
        }

        var variables = (JsonObject)JsonNode.Parse(FeatureSnippets.Variables)!;
        for (var i = 0; i < FeatureSnippets.Templates.Length; i++)
        {
            var id = $"feature-{i}";
            specs[id] = new JsonObject { ["source"] = FeatureSnippets.Templates[i] };
            cases.Add(("features", $"snippet {i}: {FeatureSnippets.Templates[i]}", new OracleCase(id, [], null, false, variables)));
        }

        var reference = TemplateOracle.Run(specs, [.. cases.Select(c => c.Case)]);
        Comparisons = [.. cases.Select((c, i) => Compare(c.Template, c.Name, c.Case, reference[i], ours))];
    }

    internal IReadOnlyList<Comparison> Comparisons { get; }

    private static Comparison Compare(string template, string name, OracleCase oracleCase, OracleResult reference, Dictionary<string, ChatTemplate> ours)
    {
        try
        {
            var chatTemplate = ours.TryGetValue(oracleCase.Template, out var loaded)
                ? loaded
                : ChatTemplate.FromText(FeatureSnippets.Templates[int.Parse(oracleCase.Template["feature-".Length..])], oracleCase.Template);
            var text = chatTemplate.Render(new ChatTemplateRequest
            {
                Messages = oracleCase.Messages,
                Tools = oracleCase.Tools,
                AddGenerationPrompt = oracleCase.AddGenerationPrompt,
                Variables = oracleCase.Kwargs,
            });
            return new Comparison(template, name, reference, text, null);
        }
        catch (TemplateException ex)
        {
            return new Comparison(template, name, reference, null, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Not a template error: a defect of ours, reported as a disagreement whatever the reference did.
            return new Comparison(template, name, reference with { Ok = true, Text = "(any text)" }, null, $"CRASH {ex}");
        }
    }
}
