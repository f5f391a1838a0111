namespace K2Verifier.Preparation;

/// <summary>What <see cref="ToolIdNormalizer.Normalize"/> changed: ids rewritten (calls and tool answers) and the
/// <c>tool_call_id</c>s that answer no earlier call (left as they were).</summary>
public sealed record ToolIdNormalization(int Rewritten, IReadOnlyList<string> UnmatchedToolCallIds);
