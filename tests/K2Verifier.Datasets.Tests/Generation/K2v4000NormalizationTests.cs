using System.Text.Json.Nodes;
using K2Verifier.Datasets.Lint;
using K2Verifier.Datasets.Tests.Infrastructure;
using K2Verifier.Preparation;

namespace K2Verifier.Datasets.Tests.Generation;

public sealed class K2v4000NormalizationTests
{
    [Fact]
    public void Normalize_EveryBundledRequest_AllIdsCanonicalAndEveryAnswerMatched()
    {
        // Arrange
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.K2v4000, "samples.jsonl"));
        var rewritten = 0;

        foreach (var line in lines)
        {
            var messages = JsonNode.Parse(line)!["messages"]!.AsArray();

            // Act
            var result = ToolIdNormalizer.Normalize(messages);
            rewritten += result.Rewritten;

            // Assert
            Assert.Empty(result.UnmatchedToolCallIds);
            foreach (var call in messages.Where(m => m!["tool_calls"] is not null).SelectMany(m => m!["tool_calls"]!.AsArray()))
            {
                Assert.True(ToolCallIdForm.IsCanonical(call!["id"]!.GetValue<string>(), call["function"]!["name"]!.GetValue<string>()));
            }
        }

        Assert.True(rewritten >= 2 * 400, $"{rewritten} ids rewritten");
    }
}
