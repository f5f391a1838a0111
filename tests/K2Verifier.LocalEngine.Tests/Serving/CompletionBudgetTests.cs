using K2Verifier.LocalEngine.Serving;

namespace K2Verifier.LocalEngine.Tests.Serving;

public sealed class CompletionBudgetTests
{
    [Theory]
    [InlineData(100, 512, 64, 64)]
    [InlineData(100, 512, 4096, 412)]
    [InlineData(100, 512, null, CompletionBudget.DefaultMaxTokens)]
    [InlineData(400, 512, null, 112)]
    [InlineData(511, 512, 10, 1)]
    public void Fit_PromptThatLeavesRoom_CapsMaxTokensToTheContext(int prompt, int context, int? requested, int expected)
    {
        Assert.Equal(expected, CompletionBudget.Fit(prompt, context, requested, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData(512)]
    [InlineData(613)]
    public void Fit_PromptThatFillsTheContext_IsRefusedAsContextLengthExceeded(int prompt)
    {
        Assert.Null(CompletionBudget.Fit(prompt, 512, 64, out var problem));
        Assert.StartsWith("context_length_exceeded: This model's maximum context length is 512 tokens.", problem);
        Assert.Contains($"resulted in {prompt} tokens", problem);
    }

    [Fact]
    public void Fit_MaxTokensBelowOne_IsRefused()
    {
        Assert.Null(CompletionBudget.Fit(10, 512, 0, out var problem));
        Assert.Contains("max_tokens must be at least 1", problem);
    }
}
