using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Serving;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

public sealed class GrammarBudgetTests : IClassFixture<TrimmedGpt2>
{
    private static readonly ToolDefinition Search = new("search", JsonNode.Parse("""
        {"type": "object", "properties": {"query": {"type": "string"}, "limit": {"type": "integer"},
                                          "tags": {"type": "array", "items": {"type": "string"}}},
         "required": ["query", "limit", "tags"]}
        """)!.AsObject());

    private readonly TrimmedGpt2 _trimmed;

    public GrammarBudgetTests(TrimmedGpt2 trimmed) => _trimmed = trimmed;

    [Fact]
    public void WorstCaseTokens_DefaultBounds_CountsEveryBoundedPart()
    {
        var options = new ToolCallGrammarOptions();

        // 64 overhead + "search" + object {2 + query (5+6+2+6×24) + limit (5+6+1+6) + tags (4+6+2+4×(6×24+2+2))}.
        Assert.Equal(64 + 6 + 2 + (5 + 6 + 146) + (5 + 6 + 7) + (4 + 6 + 2 + (4 * 148)), ToolCallSizeEstimate.WorstCaseTokens([Search], options));
    }

    [Fact]
    public void Fit_LargeBudget_KeepsTheConfiguredBounds()
    {
        var configured = new ToolCallGrammarOptions();

        Assert.Equal(configured, GrammarBudget.Fit([Search], configured, 4096));
    }

    [Theory]
    [InlineData(400, 12, 2)]
    [InlineData(200, 6, 1)]
    [InlineData(50, 2, 1)]
    public void Fit_SmallBudget_TightensTheBoundsUntilACallFits(int budget, int strings, int items)
    {
        var fitted = GrammarBudget.Fit([Search], null, budget);

        Assert.Equal(strings, fitted.MaxStringLength);
        Assert.Equal(items, fitted.MaxArrayItems);
        Assert.Equal("<tool_call>", fitted.Prefix);
    }

    [NativeFact]
    public async Task Fit_BudgetOfTheTightenedEstimate_EverySampledCallEndsWithinIt()
    {
        TestModels.LoadLibraries();
        using var engine = OrtGenAIEngine.Load(_trimmed.Path);
        var fitted = GrammarBudget.Fit([Search], null, 200);
        var budget = ToolCallSizeEstimate.WorstCaseTokens([Search], fitted) + 1;

        for (var seed = 1; seed <= 4; seed++)
        {
            var result = await engine.GenerateAsync([10, 20, 30], new GenerationOptions
            {
                MaxNewTokens = budget, Temperature = 1.0, Seed = seed, Guidance = ToolCallGrammar.Guidance([Search], fitted),
            });

            Assert.Equal(GenerationFinishReason.Stop, result.FinishReason);
            using var call = JsonDocument.Parse(result.Text["<tool_call>".Length..^"</tool_call>".Length]);
            Assert.Equal("search", call.RootElement.GetProperty("name").GetString());
        }
    }
}
