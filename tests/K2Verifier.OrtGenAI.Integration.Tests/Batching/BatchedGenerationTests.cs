using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace K2Verifier.OrtGenAI.Integration.Tests.Batching;

/// <summary>
/// GenAI's engine (<c>MaxBatchSize</c> above 1) against the one-at-a-time generator on the tiny llama model: greedy
/// outputs must be identical request by request, whatever else shares the batch.
/// </summary>
public sealed class BatchedGenerationTests(TinyLlamaFolder model, ITestOutputHelper output) : IClassFixture<TinyLlamaFolder>
{
    [NativeFact]
    public async Task GenerateAsync_200ConcurrentGreedyRequests_SameTokensAsOneAtATime()
    {
        var prompts = Prompts(200, seed: 5);
        using var sequential = OrtGenAIEngine.Load(model.Path);
        var expected = new List<GenerationResult>();
        foreach (var (prompt, maxTokens) in prompts)
        {
            expected.Add(await sequential.GenerateAsync(prompt, new GenerationOptions { Greedy = true, MaxNewTokens = maxTokens }));
        }

        using var batched = OrtGenAIEngine.Load(model.Path, new OrtGenAIEngineOptions { MaxBatchSize = 8 });
        var actual = await Task.WhenAll(prompts.Select(p => Task.Run(() => batched.GenerateAsync(p.Prompt, new GenerationOptions { Greedy = true, MaxNewTokens = p.MaxTokens }))));

        Assert.True(batched.IsBatching);
        Assert.Equal(8, batched.MaxBatchSize);
        for (var i = 0; i < prompts.Count; i++)
        {
            Assert.True(expected[i].TokenIds.SequenceEqual(actual[i].TokenIds), $"request {i}: [{string.Join(',', expected[i].TokenIds)}] one at a time, [{string.Join(',', actual[i].TokenIds)}] batched");
            Assert.Equal(expected[i].FinishReason, actual[i].FinishReason);
            Assert.Equal(expected[i].Text, actual[i].Text);
        }

        output.WriteLine($"{actual.Sum(r => r.CompletionTokenCount)} tokens, {actual.Count(r => r.FinishReason == GenerationFinishReason.Stop)} stopped on EOS");
    }

    [NativeFact]
    public async Task GenerateAsync_EachRequestItsOwnGuidance_SameTokensAsOneAtATimeAndEveryOutputMatches()
    {
        // Guidance per turn: each request its own pattern; the one-at-a-time reference without fast-forward (the engine has none).
        var patterns = Enumerable.Range(0, 16).Select(i => GenerationGuidance.Regex($"(id{i}|n{i}) [a-z]{{1,6}}")).ToList();
        var prompts = Prompts(16, seed: 9);
        using var sequential = OrtGenAIEngine.Load(model.Path);
        var expected = new List<GenerationResult>();
        for (var i = 0; i < prompts.Count; i++)
        {
            expected.Add(await sequential.GenerateAsync(prompts[i].Prompt, new GenerationOptions { Greedy = true, MaxNewTokens = 40, Guidance = patterns[i] }));
        }

        using var batched = OrtGenAIEngine.Load(model.Path, new OrtGenAIEngineOptions { MaxBatchSize = 4 });
        var actual = await Task.WhenAll(prompts.Select((p, i) => Task.Run(() => batched.GenerateAsync(p.Prompt, new GenerationOptions { Greedy = true, MaxNewTokens = 40, Guidance = patterns[i] }))));

        for (var i = 0; i < prompts.Count; i++)
        {
            output.WriteLine($"{i}: {actual[i].Text} ({actual[i].FinishReason})");
            Assert.Equal(expected[i].TokenIds, actual[i].TokenIds);
            Assert.Matches($"^(id{i}|n{i}) [a-z]{{1,6}}$", actual[i].Text);
            Assert.Equal(GenerationFinishReason.Stop, actual[i].FinishReason);
        }
    }

    [NativeFact]
    public async Task GenerateAsync_Cancelled_OthersInTheBatchFinish()
    {
        using var batched = OrtGenAIEngine.Load(model.Path, new OrtGenAIEngineOptions { MaxBatchSize = 4 });
        using var cancellation = new CancellationTokenSource();
        var options = new GenerationOptions { Greedy = true, MaxNewTokens = 64 };
        var first = new TaskCompletionSource();
        var cancelled = batched.GenerateAsync([1, 2, 3], options with { OnToken = _ => first.TrySetResult() }, cancellation.Token);
        var other = batched.GenerateAsync([4, 5, 6, 7], options);
        await first.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.True((await other).CompletionTokenCount > 0);
    }

    /// <summary>Token-id prompts of 1 to 60 tokens (ids below 999, the EOS) and token limits of 4 to 40, from a seed.</summary>
    private static List<(int[] Prompt, int MaxTokens)> Prompts(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => (Enumerable.Range(0, random.Next(1, 61)).Select(_ => random.Next(0, 999)).ToArray(), random.Next(4, 41)))];
    }
}
