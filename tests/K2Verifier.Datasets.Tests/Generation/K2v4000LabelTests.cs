using System.Text.Json;
using K2Verifier.Datasets.Tests.Infrastructure;
using K2Verifier.Datasets.Generation.Text;

namespace K2Verifier.Datasets.Tests.Generation;

public sealed class K2v4000LabelTests
{
    private static readonly Lazy<List<(JsonElement Sample, JsonElement Expected)>> Rows = new(Load);

    [Fact]
    public void Expected_EveryLine_ConsistentWithItsRequest()
    {
        var lineNumber = 0;
        foreach (var (sample, expected) in Rows.Value)
        {
            lineNumber++;

            // Arrange
            var declared = sample.TryGetProperty("tools", out var tools)
                ? tools.EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()).ToHashSet()
                : [];
            var finish = expected.GetProperty("expected_finish_reason").GetString();
            var calls = expected.GetProperty("expected_calls").EnumerateArray().Select(c => c.GetString()).ToList();

            // Act
            var choice = sample.TryGetProperty("tool_choice", out var c) ? c : default;

            // Assert
            Assert.Equal(lineNumber, expected.GetProperty("data_index").GetInt32());
            Assert.Equal(finish == "tool_calls", calls.Count > 0);
            Assert.All(calls, name => Assert.Contains(name, declared));
            if (choice.ValueKind == JsonValueKind.String && choice.GetString() == "none")
            {
                Assert.Equal("stop", finish);
            }
            else if (choice.ValueKind == JsonValueKind.String && choice.GetString() == "required")
            {
                Assert.Equal("tool_calls", finish);
            }
            else if (choice.ValueKind == JsonValueKind.Object)
            {
                Assert.Equal([choice.GetProperty("function").GetProperty("name").GetString()], calls);
            }
        }
    }

    [Fact]
    public void Expected_Mix_WithinTheIssueBounds()
    {
        // Arrange
        var rows = Rows.Value;

        // Act
        var stop = rows.Count(r => r.Expected.GetProperty("expected_finish_reason").GetString() == "stop") / (double)rows.Count;
        var stream = rows.Count(r => r.Sample.TryGetProperty("stream", out var s) && s.GetBoolean()) / (double)rows.Count;
        var categories = rows.Select(r => r.Expected.GetProperty("category").GetString()).Distinct().Count();
        var languages = rows.Select(r => r.Expected.GetProperty("language").GetString()).Distinct().Count();
        var longContext = rows.Count(r => LongDocuments.EstimateTokens(r.Sample.GetProperty("messages").GetRawText()) > 8000);
        var nonCanonical = rows.Count(r => HistoricalIds(r.Sample).Any(id => !id.StartsWith("functions.", StringComparison.Ordinal))) / (double)rows.Count;

        // Assert
        Assert.Equal(4000, rows.Count);
        Assert.InRange(stop, 0.55, 0.65);
        Assert.InRange(stream, 0.20, 0.30);
        Assert.True(categories >= 10, $"{categories} categories");
        Assert.Equal(3, languages);
        Assert.True(longContext >= 100, $"{longContext} long-context requests");
        Assert.InRange(nonCanonical, 0.07, 0.13);
    }

    [Theory]
    [InlineData("\"role\":\"_input\"")]
    [InlineData("\"content\":[{\"type\":\"text\"")]
    [InlineData("\"reasoning_content\":")]
    [InlineData("\"role\":\"assistant\",\"content\":\"\",")]
    [InlineData("\"tool_choice\":\"required\"")]
    [InlineData("\"tool_choice\":\"none\"")]
    [InlineData("\"tool_choice\":{\"type\":\"function\"")]
    [InlineData("\"tool_choice\":\"auto\"")]
    public void Samples_RealAgentFeature_Present(string fragment)
    {
        // Act
        var count = Rows.Value.Count(r => r.Sample.GetRawText().Contains(fragment, StringComparison.Ordinal));

        // Assert
        Assert.True(count >= 20, $"{fragment}: {count} requests");
    }

    private static IEnumerable<string> HistoricalIds(JsonElement sample) =>
        sample.GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("tool_calls", out _))
            .SelectMany(m => m.GetProperty("tool_calls").EnumerateArray())
            .Select(c => c.GetProperty("id").GetString()!);

    private static List<(JsonElement, JsonElement)> Load()
    {
        var samples = File.ReadAllLines(Path.Combine(RepositoryPaths.K2v4000, "samples.jsonl"));
        var expected = File.ReadAllLines(Path.Combine(RepositoryPaths.K2v4000, "expected.jsonl"));
        Assert.Equal(samples.Length, expected.Length);
        return [.. samples.Zip(expected, (s, e) => (JsonDocument.Parse(s).RootElement, JsonDocument.Parse(e).RootElement))];
    }
}
