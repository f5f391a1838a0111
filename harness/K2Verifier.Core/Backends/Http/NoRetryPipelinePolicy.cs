using System.ClientModel.Primitives;

namespace K2Verifier.Backends.Http;

/// <summary>
/// The OpenAI SDK's retry slot, filled with a policy that sends once and hands back whatever came: retries, timeouts
/// and the circuit breaker are the Polly pipeline's (<see cref="HttpResiliencePipelineFactory"/>), never stacked with
/// the SDK's own. Cheaper per request than <c>ClientRetryPolicy(maxRetries: 0)</c>, which still runs its retry loop.
/// </summary>
internal sealed class NoRetryPipelinePolicy : PipelinePolicy
{
    public static NoRetryPipelinePolicy Instance { get; } = new();

    public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNext(message, pipeline, currentIndex);

    public override ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex) =>
        ProcessNextAsync(message, pipeline, currentIndex);
}
