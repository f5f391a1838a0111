using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;
using K2Verifier.Tests.Support;

namespace K2Verifier.Reports.Tests.Model;

public sealed class ReportModelBuilderTests
{
    [Fact]
    public void Build_Labels_FromOptionThenModelThenFileName_AndUnique()
    {
        using var fixture = new ReportFixture(8);
        var other = ReportTestData.WriteJournal(Path.Combine(fixture.Directory, "sub", "vendor-a.jsonl"), ReportTestData.VendorRows(8));

        var model = ReportFixture.Builder().Build(
            [new ReportInput(fixture.VendorA, "mine"), new ReportInput(fixture.VendorB), new ReportInput(other)],
            new ReportOptions());

        Assert.Equal(["mine", "kimi-k2-0905-preview (vendor-b.jsonl)", "kimi-k2-0905-preview (vendor-a.jsonl)"], model.Runs.Select(r => r.Label));
    }

    [Fact]
    public void Build_SameFileTwice_GetsNumberedLabels()
    {
        using var fixture = new ReportFixture(8);

        var model = ReportFixture.Builder().Build([new ReportInput(fixture.VendorA), new ReportInput(fixture.VendorA)], new ReportOptions());

        Assert.Equal(["kimi-k2-0905-preview (vendor-a.jsonl)", "kimi-k2-0905-preview (vendor-a.jsonl) #2"], model.Runs.Select(r => r.Label));
    }

    [Fact]
    public void Build_RowFacts_AgainstTheBaseline()
    {
        using var fixture = new ReportFixture();

        var rows = fixture.TwoVendors().Runs[0].Rows.ToDictionary(r => r.DataIndex);

        Assert.Equal(("tp", "invalid", "schema_violation", "/city"), (rows[13].Outcome, rows[13].Verdict, rows[13].ErrorCategory, rows[13].ErrorPath));
        Assert.Equal(("fp", "valid", true), (rows[11].Outcome, rows[11].Verdict, rows[11].IsProblem));
        Assert.Equal(("fn", "n.a.", true), (rows[22].Outcome, rows[22].Verdict, rows[22].IsProblem));
        Assert.Equal(("tn", "stop", false), (rows[3].Outcome, rows[3].BaselineFinishReason, rows[3].IsProblem));
        Assert.Equal(("failed", null, "timeout", 4), (rows[17].Status, rows[17].Outcome, rows[17].ErrorCategory, rows[17].Attempts));
        Assert.Equal("timed out after 600 s", rows[17].ErrorMessage);
        Assert.Equal(ReportTestData.HostileAnswer, rows[ReportTestData.HostileIndex].Answer);
        Assert.NotNull(rows[13].Detail);
        Assert.Contains("\"city\": 42", rows[13].Detail!.Response!.Replace("\\u0022", "\"", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Null(rows[1].Detail);
    }

    [Fact]
    public void Build_SummaryEqualsScore()
    {
        using var fixture = new ReportFixture();
        var baseline = Baselines.BaselineReader.Read(fixture.Expectations);

        var model = fixture.TwoVendors();
        var journal = new Results.ResultsScorer(new Results.CaseEvaluator(Validation.JsonSchemaValidator.Default)).Read(fixture.VendorA);
        var score = Metrics.MetricsCalculator.Calculate(journal.Outcomes, new Metrics.RunInfo { Model = journal.Model }, journal.UnreadableRows, baseline);

        Assert.Equal(Metrics.RunSummaryWriter.ToJson(score), Metrics.RunSummaryWriter.ToJson(model.Runs[0].Summary));
    }

    [Fact]
    public void Build_DetailAllowance_SharedAmongRunsAndFieldsCut()
    {
        using var fixture = new ReportFixture();

        var model = fixture.TwoVendors(new ReportOptions { MaxDetailRows = 6, MaxDetailChars = 40 });

        Assert.Equal([3, 3], model.Runs.Select(r => r.Rows.Count(row => row.Detail is not null)));
        var detail = model.Runs[0].Rows.First(r => r.Detail is not null).Detail!;
        Assert.True(detail.Truncated);
        Assert.Contains("… cut here:", detail.Request, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PublishedTable_FromTheModelName_OrNone()
    {
        using var fixture = new ReportFixture(8);

        Assert.Equal("k2-0905", fixture.Single().PublishedTable);
        Assert.NotEmpty(fixture.Single().PublishedVendors);
        var none = fixture.Single(new ReportOptions { PublishedTable = "none" });
        Assert.Null(none.PublishedTable);
        Assert.Empty(none.PublishedVendors);
    }
}
