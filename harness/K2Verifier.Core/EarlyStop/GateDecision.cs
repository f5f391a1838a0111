namespace K2Verifier.EarlyStop;

/// <summary>An early-stopping gate's state: its verdict once decided, and the interval that decided it.</summary>
/// <param name="Gate">The gate's text, e.g. <c>tool_call_f1&gt;=0.80</c>.</param>
/// <param name="Verdict"><c>pass</c>, <c>fail</c>, or <c>undecided</c>.</param>
/// <param name="Low">The metric's lower confidence bound when decided (or at the end).</param>
/// <param name="High">The metric's upper confidence bound when decided (or at the end).</param>
/// <param name="DecidedAfter">Rows seen when the verdict was reached; null while undecided.</param>
public sealed record GateDecision(string Gate, string Verdict, double? Low, double? High, int? DecidedAfter)
{
    /// <summary>The verdict of a decided passing gate.</summary>
    public const string Pass = "pass";

    /// <summary>The verdict of a decided failing gate.</summary>
    public const string Fail = "fail";

    /// <summary>Not decided yet.</summary>
    public const string Undecided = "undecided";

    /// <summary>True once the gate is decided.</summary>
    public bool IsDecided => Verdict != Undecided;
}
