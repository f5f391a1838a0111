using System.Text.Json.Nodes;
using K2Verifier.Datasets.Generation.Text;

namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>One generated request with its label.</summary>
/// <param name="Category">The category (see <see cref="CaseCategories"/>).</param>
/// <param name="Language">Its language.</param>
/// <param name="Body">The K2VV-format request body.</param>
/// <param name="ExpectedCalls">Tool names expected in order; empty when no tool should be called.</param>
/// <param name="IdStyle">The form of its historical tool-call ids.</param>
/// <param name="HasHistoricalCalls">True when the conversation holds earlier tool calls.</param>
/// <param name="EstimatedTokens">A rough prompt size (messages only).</param>
public sealed record GeneratedCase(
    string Category,
    Language Language,
    JsonObject Body,
    IReadOnlyList<string> ExpectedCalls,
    ToolIdStyle IdStyle,
    bool HasHistoricalCalls,
    int EstimatedTokens)
{
    /// <summary><c>tool_calls</c> when calls are expected, else <c>stop</c>.</summary>
    public string ExpectedFinishReason => ExpectedCalls.Count > 0 ? "tool_calls" : "stop";
}
