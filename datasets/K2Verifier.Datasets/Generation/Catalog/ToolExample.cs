namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>A user request that calls a tool, in English and Chinese, with the call's arguments and a tool result.</summary>
public sealed record ToolExample(string En, string Zh, string ArgumentsJson, string Result);
