using System.Text;
using System.Text.Json;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Metrics;
using K2Verifier.Results;

namespace K2Verifier.Core.Tests.Results;

public sealed class ParseReportRowTests
{
    [Fact]
    public void Serializer_RowWithParse_WritesAndReadsTheParseObject()
    {
        var row = TestData.Row(3, "tool_calls") with { Parse = new ParseReport("length", "length -> tool_calls: 1 call", 1) };

        var json = CaseResultSerializer.ToJson(row);
        var back = CaseResultSerializer.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Contains("\"parse\":{\"vendor_finish_reason\":\"length\",\"finish_reason_changed\":\"length -> tool_calls: 1 call\",\"incomplete_tool_calls\":1}", json, StringComparison.Ordinal);
        Assert.Equal(row.Parse, back.Parse);
    }

    [Fact]
    public void Serializer_RowWithoutParse_HasNoParseKey()
    {
        Assert.DoesNotContain("\"parse\"", CaseResultSerializer.ToJson(TestData.Row(1)), StringComparison.Ordinal);
    }

    [Fact]
    public void Calculate_RescoredRows_CountsChangedReasonsAndIncompleteCalls()
    {
        // Arrange: three rows parsed in process (one relabelled, two cut inside calls), one from the wire.
        var evaluator = new CaseEvaluator(new FakeSchemaValidator());
        CaseResult[] rows =
        [
            TestData.Row(1, "tool_calls") with { Parse = new ParseReport("stop", "stop -> tool_calls", 0) },
            TestData.Row(2) with { Parse = new ParseReport("stop", null, 1) },
            TestData.Row(3, "length") with { Parse = new ParseReport("length", null, 2) },
            TestData.Row(4),
        ];

        // Act
        var outcomes = rows.Select(r =>
        {
            using var document = JsonDocument.Parse(CaseResultSerializer.ToJson(r));
            return evaluator.Rescore(document.RootElement);
        }).ToList();
        var summary = MetricsCalculator.Calculate(outcomes, new RunInfo());

        // Assert
        Assert.Equal(new ParseCounts(3, 1, 2, 3), summary.Parse);
        Assert.Contains("\"parse\": {", RunSummaryWriter.ToJson(summary), StringComparison.Ordinal);
        Assert.Null(MetricsCalculator.Calculate([outcomes[3]], new RunInfo()).Parse);
    }
}
