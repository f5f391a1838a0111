using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Templates;
using K2Verifier.Templates.Tests.TestSupport;

namespace K2Verifier.LocalEngine.Tests.ToolCallFormats;

/// <summary>Each format renders calls exactly as its model's chat template writes them into the history.</summary>
public sealed class TemplateAgreementTests
{
    private static readonly ParsedToolCall[] Calls =
    [
        new("functions.get_weather:0", "get_weather", "{\"city\":\"上海\",\"days\":3}"),
        new("functions.search:1", "search", "{\"q\":\"a \\\"b\\\"\"}"),
    ];

    [Fact]
    public void KimiK2_Render_MatchesKimiThinkingTemplate()
    {
        var prompt = Render(Repository.Shared("templates", "kimi-k2-thinking.jinja"), content: string.Empty);

        Assert.Contains(KimiK2ToolCallFormat.Instance.Render(Calls) + "<|im_end|>", prompt, StringComparison.Ordinal);
        AssertParsesBack(KimiK2ToolCallFormat.Instance, prompt, "<|im_end|>");
    }

    [Fact]
    public void Hermes_Render_MatchesQwen3Template()
    {
        var prompt = Render(NpmTemplates.Qwen3, content: string.Empty);

        Assert.Contains(HermesToolCallFormat.Instance.Render(Calls) + "<|im_end|>", prompt, StringComparison.Ordinal);
        AssertParsesBack(HermesToolCallFormat.Instance, prompt, "<|im_end|>");
    }

    [Fact]
    public void DeepSeekV3_Render_MatchesDeepSeekV3TemplateTokens()
    {
        // DeepSeek-V3's template writes <｜tool▁calls▁end｜> only after a second call; two calls show every token.
        var prompt = Render(NpmTemplates.DeepSeekV3, content: null);

        Assert.Contains("<｜Assistant｜>" + DeepSeekV3ToolCallFormat.Instance.Render(Calls) + "<｜end▁of▁sentence｜>", prompt, StringComparison.Ordinal);
        AssertParsesBack(DeepSeekV3ToolCallFormat.Instance, prompt, "<｜end▁of▁sentence｜>");
    }

    private static void AssertParsesBack(IToolCallFormat format, string prompt, string turnEnd)
    {
        var rendered = format.Render(Calls);
        var start = prompt.IndexOf(rendered, StringComparison.Ordinal);
        var completion = prompt[start..prompt.IndexOf(turnEnd, start, StringComparison.Ordinal)];

        var result = format.Parse(completion, ParseMode.Strict);

        Assert.Equal(Calls.Select(c => (c.Name, c.Arguments)), result.Calls.Select(c => (c.Name, c.Arguments)));
        Assert.Empty(result.Problems);
    }

    private static string Render(string templatePath, string? content)
    {
        var toolCalls = new JsonArray([.. Calls.Select(c => (JsonNode)new JsonObject
        {
            ["id"] = c.Id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = c.Arguments },
        })]);
        return ChatTemplate.Load(templatePath).Render(new ChatTemplateRequest
        {
            Messages =
            [
                new JsonObject { ["role"] = "user", ["content"] = "Weather in Shanghai, and news?" },
                new JsonObject { ["role"] = "assistant", ["content"] = content, ["tool_calls"] = toolCalls },
            ],
        });
    }
}
