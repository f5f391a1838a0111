using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// Allocation by type from the runtime's GCAllocationTick events (one per ~100 KB allocated), while enabled: what a
/// benchmark's allocations are made of. On only with K2V_BENCH_ALLOCATION_TYPES=1 (the events cost a little).
/// </summary>
internal sealed class AllocationTicks : RuntimeEventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    public static AllocationTicks? StartIfAsked() =>
        Environment.GetEnvironmentVariable("K2V_BENCH_ALLOCATION_TYPES") == "1" ? new AllocationTicks() : null;

    /// <summary>The largest types, as "type KB per request".</summary>
    public string Describe(int requests, int top = 12) => string.Join("\n", _bytes.OrderByDescending(p => p.Value).Take(top)
        .Select(p => FormattableString.Invariant($"    {p.Value / 1024.0 / requests,7:0.0} KB  {p.Key}")));

    protected override EventKeywords Keywords => (EventKeywords)0x1; // GC

    protected override string EventName => "GCAllocationTick";

    protected override void OnRuntimeEvent(Func<string, object?> payload)
    {
        var type = payload("TypeName")?.ToString() ?? "?";
        var amount = Convert.ToInt64(payload("AllocationAmount64") ?? payload("AllocationAmount"), System.Globalization.CultureInfo.InvariantCulture);
        _bytes.AddOrUpdate(type, amount, (_, total) => total + amount);
    }
}
