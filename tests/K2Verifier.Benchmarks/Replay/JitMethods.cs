using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// The methods the JIT compiles while enabled, from the runtime's MethodJittingStarted events: what a measured run still
/// compiles after its warm-up (new generic instantiations, reflection-emitted accessors, tier-ups). On only with
/// K2V_BENCH_JIT_METHODS=1.
/// </summary>
internal sealed class JitMethods : RuntimeEventListener
{
    private readonly ConcurrentQueue<string> _methods = new();

    public static JitMethods? StartIfAsked() =>
        Environment.GetEnvironmentVariable("K2V_BENCH_JIT_METHODS") == "1" ? new JitMethods() : null;

    /// <summary>The namespaces with the most compiled methods, and every method, as lines.</summary>
    public string Describe(int top = 25)
    {
        var methods = _methods.ToArray();
        var byNamespace = methods.GroupBy(m => m[..Math.Max(0, m.IndexOf(':', StringComparison.Ordinal))])
            .OrderByDescending(g => g.Count()).Take(top)
            .Select(g => FormattableString.Invariant($"    {g.Count(),5}  {g.Key}"));
        return $"  {methods.Length} methods compiled; by type:\n{string.Join("\n", byNamespace)}\n  all:\n    {string.Join("\n    ", methods)}";
    }

    protected override EventKeywords Keywords => (EventKeywords)0x10; // JIT

    protected override string EventName => "MethodJittingStarted";

    protected override void OnRuntimeEvent(Func<string, object?> payload) =>
        _methods.Enqueue($"{payload("MethodNamespace")}:{payload("MethodName")}");
}
