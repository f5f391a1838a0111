using System.Diagnostics.Tracing;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// One kind of event from the runtime's own event source, while the listener lives: the base of the benchmarks'
/// diagnostics (<see cref="AllocationTicks"/>, <see cref="JitMethods"/>). The keyword and event name are properties, not
/// constructor arguments: EventListener's constructor already announces the existing sources.
/// </summary>
internal abstract class RuntimeEventListener : EventListener
{
    /// <summary>The runtime keyword that turns the event on.</summary>
    protected abstract EventKeywords Keywords { get; }

    /// <summary>The start of the event's name (versions of an event end in _V1, _V2, …).</summary>
    protected abstract string EventName { get; }

    /// <summary>One event: its payload by name.</summary>
    protected abstract void OnRuntimeEvent(Func<string, object?> payload);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, Keywords);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventName?.StartsWith(EventName, StringComparison.Ordinal) != true || eventData.Payload is not { } values)
        {
            return;
        }

        var names = eventData.PayloadNames!;
        OnRuntimeEvent(name => names.IndexOf(name) is var i and >= 0 ? values[i] : null);
    }
}
