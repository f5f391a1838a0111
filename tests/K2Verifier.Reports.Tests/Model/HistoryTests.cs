using K2Verifier.Metrics;
using K2Verifier.Reports.Model;
using K2Verifier.Reports.Tests.TestSupport;

namespace K2Verifier.Reports.Tests.Model;

public sealed class HistoryTests
{
    [Fact]
    public void Build_HistoryHoldsTonightsSummaryAndAnAbortedRun_EachNightCountedOnceAbortedLeftOut()
    {
        // Arrange: the nightly recipe writes tonight's summary into the history folder, then reports on tonight's journal;
        // an earlier night was aborted (Ctrl-C) after 3 requests.
        using var fixture = new ReportFixture();
        var history = Path.Combine(fixture.Directory, "history");
        Directory.CreateDirectory(history);
        File.WriteAllText(Path.Combine(history, "last-night.json"), RunSummaryWriter.ToJson(new RunSummary
        {
            Model = "m", SuccessCount = 10, TotalRows = 10, EvalStartedAt = "2025-11-01T02:00:00", Run = new RunInfo { Complete = true },
        }));
        File.WriteAllText(Path.Combine(history, "aborted.json"), RunSummaryWriter.ToJson(new RunSummary
        {
            Model = "m", SuccessCount = 3, TotalRows = 3, EvalStartedAt = "2025-11-02T02:00:00", Run = new RunInfo { Complete = false, RequestsSent = 3, DatasetRequests = 40 },
        }));
        File.WriteAllText(Path.Combine(history, "tonight.json"), RunSummaryWriter.ToJson(new RunSummary
        {
            Model = "m", SuccessCount = 40, TotalRows = 40, EvalStartedAt = "2025-11-03T02:00:00.123456", Run = new RunInfo { Complete = true, Results = fixture.VendorA },
        }));
        var problems = new List<string>();

        // Act
        var model = ReportFixture.Builder().Build([new ReportInput(fixture.VendorA, "tonight")], new ReportOptions { HistoryDirectory = history }, problems.Add);

        // Assert
        Assert.Equal(["last-night.json", "tonight"], model.History.Select(p => p.Source));
        Assert.Contains(problems, p => p.Contains("aborted.json: an incomplete run (3 of 40 requests sent)", StringComparison.Ordinal));
    }
}
