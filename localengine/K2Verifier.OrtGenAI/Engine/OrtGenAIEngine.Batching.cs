using K2Verifier.OrtGenAI.Batching;

namespace K2Verifier.OrtGenAI.Engine;

/// <summary>Generation through GenAI's engine when <see cref="OrtGenAIEngineOptions.MaxBatchSize"/> is above 1.</summary>
public sealed partial class OrtGenAIEngine
{
    /// <summary>
    /// Submits the prompt to the engine's owner thread and waits for its turn to finish. No gate: concurrent calls share
    /// the engine's steps. The engine has no guidance fast-forward, so forced tokens take one step each, and the
    /// fast-forward headroom of the one-at-a-time path is not needed.
    /// </summary>
    private async Task<GenerationResult> GenerateBatchedAsync(int[] prompt, GenerationOptions options, CancellationToken cancellationToken)
    {
        var maxNewTokens = Math.Min(options.MaxNewTokens, _contextLength - prompt.Length);
        var outcome = await _batch!.SubmitAsync(new BatchedRequest(prompt, maxNewTokens, options, cancellationToken)).ConfigureAwait(false);
        return Result(prompt.Length, [.. outcome.Tokens], outcome.Stopped, options, outcome.TimeToFirstToken, outcome.Duration);
    }
}
