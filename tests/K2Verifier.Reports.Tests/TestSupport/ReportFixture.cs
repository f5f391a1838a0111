using K2Verifier.Gates;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Tests.Support;
using K2Verifier.Validation;

namespace K2Verifier.Reports.Tests.TestSupport;

/// <summary>Journals and models for report tests, in a temporary folder that <see cref="Scrub"/> removes from output.</summary>
internal sealed class ReportFixture : IDisposable
{
    public ReportFixture(int rows = 40)
    {
        Directory = Path.Combine(Path.GetTempPath(), "k2v-report-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        VendorA = ReportTestData.WriteJournal(Path.Combine(Directory, "vendor-a.jsonl"), ReportTestData.VendorRows(rows, 0));
        VendorB = ReportTestData.WriteJournal(Path.Combine(Directory, "vendor-b.jsonl"), ReportTestData.VendorRows(rows, 3));
        Expectations = ReportTestData.WriteExpectations(Path.Combine(Directory, "expected.jsonl"), rows);
    }

    public string Directory { get; }

    public string VendorA { get; }

    public string VendorB { get; }

    public string Expectations { get; }

    public static ReportModelBuilder Builder() => new(new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)));

    /// <summary>Two vendors against the expectations baseline, with two gates.</summary>
    public ReportModel TwoVendors(ReportOptions? options = null) => Builder().Build(
        [new ReportInput(VendorA, "vendor A"), new ReportInput(VendorB, "vendor B")],
        (options ?? new ReportOptions()) with
        {
            Baseline = Baselines.BaselineReader.Read(Expectations),
            Gates = [GateExpression.Parse("tool_call_f1>=0.80"), GateExpression.Parse("schema_accuracy>=0.95")],
        });

    /// <summary>One run without a baseline.</summary>
    public ReportModel Single(ReportOptions? options = null) => Builder().Build([new ReportInput(VendorA)], options ?? new ReportOptions());

    /// <summary>Output with the temporary folder removed, so golden files do not depend on it.</summary>
    public string Scrub(string text) => text.Replace(Directory + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
