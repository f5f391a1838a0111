namespace K2Verifier.Metrics;

/// <summary>
/// K2VV's tool-call trigger counts: positive means finish_reason <c>tool_calls</c>; <c>stop</c>, <c>length</c> and every
/// other reason are negative. Precision, recall and F1 are null where undefined (no positives to divide by).
/// </summary>
public readonly record struct ConfusionCounts(int Tp, int Fp, int Fn, int Tn)
{
    /// <summary>Adds one joined pair.</summary>
    public ConfusionCounts Add(bool ours, bool reference) => (ours, reference) switch
    {
        (true, true) => this with { Tp = Tp + 1 },
        (true, false) => this with { Fp = Fp + 1 },
        (false, true) => this with { Fn = Fn + 1 },
        _ => this with { Tn = Tn + 1 },
    };

    /// <summary>TP / (TP + FP); null when nothing was predicted positive.</summary>
    public double? Precision => Tp + Fp == 0 ? null : (double)Tp / (Tp + Fp);

    /// <summary>TP / (TP + FN); null when the reference has no positive.</summary>
    public double? Recall => Tp + Fn == 0 ? null : (double)Tp / (Tp + Fn);

    /// <summary>2PR / (P + R), i.e. 2TP / (2TP + FP + FN); null when precision or recall is undefined, 0 when both are 0.</summary>
    public double? F1 => Precision is null || Recall is null ? null : 2.0 * Tp / ((2.0 * Tp) + Fp + Fn);

    /// <summary>Joined pairs counted.</summary>
    public int Total => Tp + Fp + Fn + Tn;
}
