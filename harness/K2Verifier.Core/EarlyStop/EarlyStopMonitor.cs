using K2Verifier.Baselines;
using K2Verifier.Gates;
using K2Verifier.Results;

namespace K2Verifier.EarlyStop;

/// <summary>
/// Decides release gates before every request has been sent. The <see cref="Running.Runner"/> sends the requests in a
/// seeded uniformly random order (<see cref="OrderSeed"/>); every finished row updates one
/// <see cref="ProportionSequence"/> per row cell the gates read, each at level α / cells (Bonferroni), so with
/// probability at least <see cref="Confidence"/> every interval holds at every moment at once, and every verdict reached
/// equals the one the full run would give. A gate is decided once its metric's interval lies wholly on one side of the
/// threshold; the run stops sending when every gate is decided.
/// </summary>
public sealed class EarlyStopMonitor
{
    private readonly Lock _lock = new();
    private readonly IReadOnlyList<GateExpression> _gates;
    private readonly Baseline? _baseline;
    private readonly RowCell[] _cells;
    private readonly GateDecision?[] _decisions;
    private readonly Dictionary<int, CaseResult> _pending = [];
    private Dictionary<RowCell, ProportionSequence>? _sequences;
    private Dictionary<int, int> _positions = [];
    private int _seen;
    private int _stopAfter = -1;

    /// <param name="gates">The gates to decide (every metric must be in <see cref="EarlyStopMetric.Supported"/>).</param>
    /// <param name="baseline">The baseline for trigger metrics.</param>
    /// <param name="confidence">The probability that every verdict equals the full run's, e.g. 0.95.</param>
    /// <param name="orderSeed">Seeds the random order of requests.</param>
    public EarlyStopMonitor(IReadOnlyList<GateExpression> gates, Baseline? baseline, double confidence, int orderSeed)
    {
        ArgumentNullException.ThrowIfNull(gates);
        if (Problems(gates, baseline, confidence).FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(gates));
        }

        _gates = gates;
        _baseline = baseline;
        Confidence = confidence;
        OrderSeed = orderSeed;
        _cells = [.. gates.SelectMany(g => EarlyStopMetric.Supported[g.Metric].Cells).Distinct()];
        _decisions = new GateDecision?[gates.Count];
    }

    /// <summary>The confidence of the verdicts.</summary>
    public double Confidence { get; }

    /// <summary>Seeds the order in which requests are sent.</summary>
    public int OrderSeed { get; }

    /// <summary>True once every gate is decided: no further request should be sent.</summary>
    public bool ShouldStop => Volatile.Read(ref _stopAfter) >= 0;

    /// <summary>Every reason these gates cannot stop early (unsupported metric, trigger metric without a baseline, no gate).</summary>
    public static IEnumerable<string> Problems(IReadOnlyList<GateExpression> gates, Baseline? baseline, double confidence)
    {
        ArgumentNullException.ThrowIfNull(gates);
        if (gates.Count == 0)
        {
            yield return "--early-stop needs at least one --gate to decide";
        }

        if (confidence is <= 0.5 or >= 1)
        {
            yield return $"--confidence {confidence} is out of range (above 0.5, below 1; e.g. 0.95)";
        }

        foreach (var gate in gates)
        {
            if (!EarlyStopMetric.Supported.TryGetValue(gate.Metric, out var metric))
            {
                yield return $"--early-stop cannot decide '{gate.Text}': {gate.Metric} is not one of {string.Join(", ", EarlyStopMetric.Supported.Keys)}";
            }
            else if (metric.NeedsBaseline && baseline is null)
            {
                yield return $"--early-stop: '{gate.Text}' compares with a baseline; give --baseline FILE";
            }
        }
    }

    /// <summary>
    /// Sending starts: <paramref name="order"/> is the data_index of every request in the order they will be sent (the
    /// whole population). Rows are counted in this order, whatever order they finish in: finishing order can depend on
    /// the answer (a long tool call takes longer), sending order cannot.
    /// </summary>
    public void Begin(IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(order);
        lock (_lock)
        {
            _sequences = order.Count == 0 ? [] : _cells.ToDictionary(c => c, _ => new ProportionSequence(order.Count));
            _positions = order.Select((dataIndex, position) => (dataIndex, position)).ToDictionary(p => p.dataIndex, p => p.position);
        }
    }

    /// <summary>Takes one finished row; counts it (and any held back) once every row sent before it is counted.</summary>
    public void Record(CaseResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        lock (_lock)
        {
            if (_sequences is null)
            {
                throw new InvalidOperationException("Begin was not called");
            }

            if (!_positions.TryGetValue(row.DataIndex, out var position))
            {
                return;
            }

            _pending[position] = row;
            while (_pending.Remove(_seen, out var next))
            {
                Count(next, _sequences);
            }
        }
    }

    private void Count(CaseResult row, Dictionary<RowCell, ProportionSequence> sequences)
    {
        foreach (var (cell, sequence) in sequences)
        {
            sequence.Add(RowCells.Has(cell, row, _baseline));
        }

        _seen++;
        var alpha = (1 - Confidence) / _cells.Length;
        for (var i = 0; i < _gates.Count; i++)
        {
            if (_decisions[i] is { IsDecided: true })
            {
                continue;
            }

            var (low, high) = EarlyStopMetric.Supported[_gates[i].Metric].Interval(c => sequences[c].Bounds(alpha));
            var verdict = Decide(_gates[i], low, high);
            _decisions[i] = new GateDecision(_gates[i].Text, verdict, low, high, verdict == GateDecision.Undecided ? null : _seen);
        }

        if (_stopAfter < 0 && _decisions.All(d => d is { IsDecided: true }))
        {
            Volatile.Write(ref _stopAfter, _seen);
        }
    }

    /// <summary>Puts <paramref name="items"/> (in dataset order) in the seeded random order an early-stopping run sends them in.</summary>
    public static void Shuffle<T>(List<T> items, int seed)
    {
#pragma warning disable CA5394 // a seeded, reproducible order is the point, not security
        new Random(seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(items));
#pragma warning restore CA5394
    }

    /// <summary>
    /// What <c>run --early-stop --order-seed SEED</c> would decide on a deployment whose answers are these rows (one per
    /// request, any order): the rows are put in the run's sending order and counted until every gate is decided. For a
    /// deterministic deployment (the simulator) this equals the real run; it measures how early and how often wrongly
    /// the gates are decided without sending anything.
    /// </summary>
    public static EarlyStopReport Replay(IEnumerable<CaseResult> rows, IReadOnlyList<GateExpression> gates, Baseline? baseline, double confidence, int seed)
    {
        var order = rows.OrderBy(r => r.DataIndex).ToList();
        Shuffle(order, seed);
        var monitor = new EarlyStopMonitor(gates, baseline, confidence, seed);
        monitor.Begin([.. order.Select(r => r.DataIndex)]);
        foreach (var row in order)
        {
            if (monitor.ShouldStop)
            {
                break;
            }

            monitor.Record(row);
        }

        return monitor.Report();
    }

    /// <summary>The decisions so far, for the summary.</summary>
    public EarlyStopReport Report()
    {
        lock (_lock)
        {
            var total = _positions.Count;
            return new EarlyStopReport
            {
                Confidence = Confidence,
                OrderSeed = OrderSeed,
                RequestsTotal = total,
                RequestsUsed = _stopAfter >= 0 ? _stopAfter : _seen,
                StoppedEarly = _seen < total,
                Gates = [.. _gates.Select((g, i) => _decisions[i] ?? new GateDecision(g.Text, GateDecision.Undecided, null, null, null))],
            };
        }
    }

    /// <summary>The verdict an interval gives a gate: pass or fail when it lies wholly on one side, else undecided.</summary>
    internal static string Decide(GateExpression gate, double? low, double? high)
    {
        if (low is not { } lo || high is not { } hi)
        {
            return GateDecision.Undecided;
        }

        const double tolerance = 1e-9;
        var t = gate.Threshold;
        var (pass, fail) = gate.Operator switch
        {
            ">=" => (lo >= t, hi < t),
            ">" => (lo > t, hi <= t),
            "<=" => (hi <= t, lo > t),
            "<" => (hi < t, lo >= t),
            "==" => (hi - lo < tolerance && Math.Abs(lo - t) < tolerance, lo > t + tolerance || hi < t - tolerance),
            _ => (lo > t + tolerance || hi < t - tolerance, hi - lo < tolerance && Math.Abs(lo - t) < tolerance),
        };
        return pass ? GateDecision.Pass : fail ? GateDecision.Fail : GateDecision.Undecided;
    }
}
