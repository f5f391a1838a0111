using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>Deterministic rows and outcomes for metric and journal tests.</summary>
internal static class TestData
{
    public static CaseOutcome Outcome(int index, string? finishReason, bool? valid = null, string status = CaseStatus.Success, string lastRunAt = "2025-11-15T10:00:00.000000", params string[] invalidCategories) =>
        new(
            index,
            status,
            finishReason,
            valid,
            [.. invalidCategories.Select((c, i) => new ToolCallCheck(i, "f", false, c))],
            status == CaseStatus.Success ? null : "timeout",
            100 * index,
            null,
            1,
            null,
            lastRunAt);

    public static CaseResult Row(int index, string finishReason = "stop", string lastRunAt = "2025-11-15T10:00:00.000000", string status = CaseStatus.Success) => new()
    {
        DataIndex = index,
        RequestJson = """{"messages":[{"role":"user","content":"q"}],"model":"m","tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object"}}}]}""",
        ResponseJson = status == CaseStatus.Success
            ? $$$"""{"choices":[{"message":{"content":"a","tool_calls":{{{(finishReason == "tool_calls" ? """[{"id":"functions.f:0","function":{"name":"f","arguments":"{}"}}]""" : "null")}}}},"finish_reason":"{{{finishReason}}}"}],"usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12}}"""
            : """{"error":"timed out"}""",
        Status = status,
        FinishReason = status == CaseStatus.Success ? finishReason : null,
        LastRunAt = lastRunAt,
        DurationMs = 10 * index,
        Hash = $"hash{index}",
        Error = status == CaseStatus.Success ? null : new CaseError("timeout", "timed out"),
    };
}
