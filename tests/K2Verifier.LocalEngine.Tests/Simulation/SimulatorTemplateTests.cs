using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Templates;

namespace K2Verifier.LocalEngine.Tests.Simulation;

/// <summary>Our own Kimi-format template renders what Kimi's templates render (../shared's copies).</summary>
public sealed class SimulatorTemplateTests
{
    private static ChatTemplateRequest Request(string messages, bool tools = true) => new()
    {
        Messages = JsonNode.Parse(messages)!.AsArray(),
        Tools = tools ? JsonNode.Parse("""[{"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}]""")!.AsArray() : null,
        AddGenerationPrompt = true,
    };

    [Theory]
    [InlineData("""[{"role":"user","content":"hi"}]""", true)]
    [InlineData("""[{"role":"system","content":"Be brief."},{"role":"user","content":[{"type":"text","text":"你好"}]},{"role":"assistant","content":"Hello."},{"role":"user","content":"more"}]""", false)]
    public void Render_ConversationWithoutToolHistory_MatchesKimiOriginalTemplate(string messages, bool tools)
    {
        var path = Repository.Shared("templates", "kimi-k2-original.jinja");
        Assert.True(File.Exists(path), $"{path} is missing: ../shared must sit beside the clone (.ci/run checks it)");

        var request = Request(messages, tools);

        Assert.Equal(ChatTemplate.Load(path).Render(request), SimulatorTemplates.Kimi.Render(request));
    }

    [Fact]
    public void Render_ToolHistory_RendersCallsLikeKimiThinkingTemplate()
    {
        var path = Repository.Shared("templates", "kimi-k2-thinking.jinja");
        Assert.True(File.Exists(path), $"{path} is missing: ../shared must sit beside the clone (.ci/run checks it)");

        var request = Request("""
            [{"role":"user","content":"news?"},
             {"role":"assistant","content":"","tool_calls":[{"id":"search:0","type":"function","function":{"name":"search","arguments":"{\"q\": \"news\"}"}}]},
             {"role":"tool","tool_call_id":"search:0","content":"none"}]
            """);
        const string Section = "<|tool_calls_section_begin|><|tool_call_begin|>search:0<|tool_call_argument_begin|>{\"q\": \"news\"}<|tool_call_end|><|tool_calls_section_end|>";
        const string ToolTurn = "<|im_system|>tool<|im_middle|>## Return of search:0\nnone<|im_end|>";

        var ours = SimulatorTemplates.Kimi.Render(request);
        var kimi = ChatTemplate.Load(path).Render(request);

        Assert.Contains(Section, kimi, StringComparison.Ordinal);
        Assert.Contains(Section, ours, StringComparison.Ordinal);
        Assert.Contains(ToolTurn, kimi, StringComparison.Ordinal);
        Assert.Contains(ToolTurn, ours, StringComparison.Ordinal);
        Assert.EndsWith(PolicyModel.AssistantOpener, ours, StringComparison.Ordinal);
    }
}
