namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>The categories of k2v-4000 and their counts (4000 in all; 2400 = 60 % expect no tool call).</summary>
internal static class CaseCategories
{
    public static IReadOnlyList<CaseCategory> All { get; } =
    [
        new("single_call", 630, true, ToolCallCases.SingleCall),
        new("parallel_calls", 300, true, ToolCallCases.ParallelCalls),
        new("multi_turn_followup", 350, true, ToolCallCases.MultiTurnFollowUp),
        new("forced_choice", 200, true, ToolCallCases.ForcedChoice),
        new("long_context_call", 120, true, ToolCallCases.LongContextCall),
        new("small_talk", 450, false, NoToolCases.SmallTalk),
        new("no_tool_needed", 450, false, NoToolCases.NoToolNeeded),
        new("irrelevant_tools", 400, false, NoToolCases.IrrelevantTools),
        new("tool_choice_none", 300, false, NoToolCases.ToolChoiceNone),
        new("summarize_result", 520, false, NoToolCases.SummariseResult),
        new("unsafe_refusal", 200, false, NoToolCases.UnsafeRefusal),
        new("long_context_summary", 80, false, NoToolCases.LongContextSummary),
    ];
}
