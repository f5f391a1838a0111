namespace K2Verifier.Comparison;

/// <summary>A request whose outcome changed between two runs.</summary>
/// <param name="DataIndex">The request.</param>
/// <param name="Kind"><c>status</c> (success ↔ failed), <c>trigger</c> (tool_calls ↔ not) or <c>validity</c> (valid ↔ invalid tool calls).</param>
/// <param name="Before">The outcome in run A (e.g. <c>tool_calls</c>, <c>valid</c>, <c>success</c>).</param>
/// <param name="After">The outcome in run B.</param>
public sealed record RequestChange(int DataIndex, string Kind, string Before, string After);
