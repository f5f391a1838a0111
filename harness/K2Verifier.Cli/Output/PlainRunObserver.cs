using System.Globalization;
using K2Verifier.Dataset;
using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Cli.Output;

/// <summary>Progress as plain periodic lines on stderr (redirected output, CI, NO_COLOR).</summary>
internal sealed class PlainRunObserver(TextWriter error, TimeProvider time, TimeSpan interval) : IRunObserver
{
    private readonly Lock _lock = new();
    private long _lastPrint = time.GetTimestamp();
    private int _skipped;

    public void DatasetLineSkipped(DatasetRecord record)
    {
        lock (_lock)
        {
            _skipped++;
            error.WriteLine($"skipped {record.Describe()}");
        }
    }

    public void Started(int datasetLines)
    {
        lock (_lock)
        {
            error.WriteLine($"replaying {datasetLines} requests");
        }
    }

    public void CaseFinished(CaseResult result, RunProgress progress)
    {
        lock (_lock)
        {
            if (progress.Done < progress.Total && time.GetElapsedTime(_lastPrint) < interval)
            {
                return;
            }

            _lastPrint = time.GetTimestamp();
            error.WriteLine(Format(progress));
        }
    }

    public void Quiet(RunProgress progress, TimeSpan quietFor)
    {
        lock (_lock)
        {
            error.WriteLine(QuietLine(progress, quietFor));
        }
    }

    /// <summary>E.g. "no request completed for 60 s; 4 in flight, 135/200 done (a stalled server? see --idle-timeout)".</summary>
    public static string QuietLine(RunProgress p, TimeSpan quietFor) => string.Create(
        CultureInfo.InvariantCulture,
        $"no request completed for {quietFor.TotalSeconds:0} s; {p.InFlight} in flight, {p.Done}/{p.Total} done (a stalled server? streams stop after --idle-timeout, other requests after --timeout)");

    public static string Format(RunProgress p)
    {
        var percent = p.Total == 0 ? 100 : 100.0 * p.Done / p.Total;
        var eta = p.Eta is { } e ? e.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture) : "--:--:--";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[{p.Done}/{p.Total}] {percent:0.0}%  {p.Rate:0.0} req/s  ETA {eta}  stop={p.Stop} tool_calls={p.ToolCalls} invalid={p.Invalid} failed={p.Failed}{ConcurrencyText(p)}");
    }

    /// <summary>"  concurrency=12/64" when the backend adapts its concurrency, else empty.</summary>
    internal static string ConcurrencyText(RunProgress p) =>
        p.Concurrency is { } current ? string.Create(CultureInfo.InvariantCulture, $"  concurrency={current}/{p.ConcurrencyCeiling}") : string.Empty;
}
