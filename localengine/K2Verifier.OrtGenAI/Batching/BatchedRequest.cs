using K2Verifier.OrtGenAI.Engine;
using Microsoft.ML.OnnxRuntimeGenAI;

namespace K2Verifier.OrtGenAI.Batching;

/// <summary>
/// One generation submitted to <see cref="BatchedGenerator"/>: its prompt and options, and, once admitted on the owner
/// thread, its <c>OgaRequest</c> handle, the tokens its events brought and the caller's completion.
/// </summary>
internal sealed class BatchedRequest(int[] prompt, int maxNewTokens, GenerationOptions options, CancellationToken cancellationToken)
{
    public int[] Prompt { get; } = prompt;

    public int MaxNewTokens { get; } = maxNewTokens;

    public GenerationOptions Options { get; } = options;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public TaskCompletionSource<BatchedOutcome> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The <c>OgaRequest</c>, zero until admitted.</summary>
    public nint Handle { get; set; }

    /// <summary>When the owner thread admitted it (timings start there).</summary>
    public long Started { get; set; }

    public TimeSpan TimeToFirstToken { get; set; }

    public List<int> Tokens { get; } = new(maxNewTokens);

    /// <summary>The streaming decoder for <see cref="GenerationOptions.OnToken"/>, created on admission.</summary>
    public TokenizerStream? Stream { get; set; }
}
