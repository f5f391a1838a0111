using System.Text.Json.Nodes;
using K2Verifier.Datasets.Generation.Catalog;

namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>What a category builder decided besides the messages: the tools offered, <c>tool_choice</c> and the label.</summary>
internal sealed record CaseDraft(IReadOnlyList<ToolSpec> Tools, JsonNode? ToolChoice, IReadOnlyList<string> ExpectedCalls, int MaxTokens = 4096);
