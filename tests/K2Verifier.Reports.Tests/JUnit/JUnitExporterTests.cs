using System.Xml.Linq;
using K2Verifier.Gates;
using K2Verifier.Reports.JUnit;
using K2Verifier.Results;
using K2Verifier.Tests.Support;
using K2Verifier.Validation;

namespace K2Verifier.Reports.Tests.JUnit;

public sealed class JUnitExporterTests
{
    [Theory]
    [InlineData("")]
    [InlineData("de-DE")]
    public void ToXml_GatesAndProblemRequests_MatchesGolden(string culture)
    {
        using var scope = new CultureScope(culture);

        var xml = JUnitExporter.ToXml("k2verifier score results.jsonl", Gates(), Rows());

        Golden.AssertMatches(xml, "junit.xml");
    }

    [Fact]
    public void ToXml_IsWellFormedAndCountsFailures()
    {
        var document = XDocument.Parse(JUnitExporter.ToXml("n", Gates(), Rows()));

        var suites = document.Root!.Elements("testsuite").ToDictionary(e => (string)e.Attribute("name")!);
        Assert.Equal("2", (string?)suites["gates"].Attribute("tests"));
        Assert.Equal("1", (string?)suites["gates"].Attribute("failures"));
        Assert.Equal("2", (string?)suites["requests"].Attribute("failures"));
        Assert.Equal("3", (string?)document.Root.Attribute("failures"));
    }

    private static List<GateResult> Gates() =>
    [
        new(GateExpression.Parse("tool_call_f1>=0.80"), 0.7731, false),
        new(GateExpression.Parse("failure_count==0"), 0, true),
    ];

    private static CaseOutcome[] Rows() =>
    [
        Outcome(1, CaseStatus.Success, "stop", null, []),
        Outcome(2, CaseStatus.Success, "tool_calls", false, [new ToolCallCheck(0, "search", false, ToolCallErrorCategory.SchemaViolation, "/query", "type", "1 is not of type 'string'"), new ToolCallCheck(1, "<script>", false, ToolCallErrorCategory.UndeclaredTool)]),
        Outcome(3, CaseStatus.Failed, null, null, [], "timeout"),
        Outcome(4, CaseStatus.Success, "tool_calls", true, [new ToolCallCheck(0, "search", true)]),
    ];

    private static CaseOutcome Outcome(int index, string status, string? finish, bool? valid, IReadOnlyList<ToolCallCheck> checks, string? error = null) =>
        new(index, status, finish, valid, checks, error, 1000 + index, null, 1, null, "2025-11-15T10:00:00.000000");
}
