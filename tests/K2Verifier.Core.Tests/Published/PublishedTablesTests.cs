using K2Verifier.Published;

namespace K2Verifier.Core.Tests.Published;

public sealed class PublishedTablesTests
{
    [Fact]
    public void All_BothTablesAsPublished()
    {
        Assert.Equal(16, PublishedTables.All.Count(v => v.Table == "k2-thinking"));
        Assert.Equal(16, PublishedTables.All.Count(v => v.Table == "k2-0905"));
        var vllm = PublishedTables.All.Single(v => v.Table == "k2-0905" && v.Provider == "vLLM");
        Assert.Equal((1325, 1007, 0.76), (vllm.CountFinishReasonToolCalls, vllm.CountSuccessfulToolCall, vllm.SchemaAccuracy));
        Assert.All(PublishedTables.All.Where(v => v.Table == "k2-0905"), v => Assert.Equal(0.80, v.AcceptanceF1));
        Assert.All(PublishedTables.All.Where(v => v.Table == "k2-thinking"), v => Assert.Equal(0.73, v.AcceptanceF1));
    }

    [Theory]
    [InlineData("kimi-k2-thinking", "k2-thinking")]
    [InlineData("moonshotai/Kimi-K2-Instruct-0905", "k2-0905")]
    [InlineData("gpt-4o", null)]
    [InlineData(null, null)]
    public void InferTable_FromModelName(string? model, string? expected)
    {
        Assert.Equal(expected, PublishedTables.InferTable(model));
    }

    [Fact]
    public void For_RanksSchemaAccuracyAndChecksAcceptance()
    {
        var standing = PublishedStanding.For("k2-0905", schemaAccuracy: 0.75, toolCallF1: 0.81)!;

        // Above 0.75: the 9 providers at 96.7 % or more (Groq included), Nebius at 84.47 % and vLLM at 76.00 %.
        Assert.Equal(12, standing.SchemaAccuracyRank);
        Assert.Equal(16, standing.Providers);
        Assert.True(standing.PassesAcceptanceF1);
        Assert.Contains("vLLM", standing.ProvidersAbove);
        Assert.Null(PublishedStanding.For("k2-0905", 1.0, null)!.PassesAcceptanceF1);
        Assert.Null(PublishedStanding.For("none", 1.0, null));
    }
}
