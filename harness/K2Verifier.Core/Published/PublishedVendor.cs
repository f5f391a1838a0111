namespace K2Verifier.Published;

/// <summary>One provider row of K2VV's published vendor tables (datasets/baselines).</summary>
public sealed record PublishedVendor(
    string Table,
    string Model,
    string Provider,
    string TestDate,
    double? ToolCallF1,
    string? ToolCallF1Note,
    int CountFinishReasonToolCalls,
    int CountSuccessfulToolCall,
    double SchemaAccuracy,
    double AcceptanceF1);
