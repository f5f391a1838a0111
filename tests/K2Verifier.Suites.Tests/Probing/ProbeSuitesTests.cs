using System.Text.Json;
using K2Verifier.Suites.Params;
using K2Verifier.Suites.Probing;
using K2Verifier.Suites.Tests.Fakes;
using K2Verifier.Suites.ToolChoice;

namespace K2Verifier.Suites.Tests.Probing;

public sealed class ProbeSuitesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-suite-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Suites => new() { "params", "tool-choice" };

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task EveryProbe_CorrectFake_Passes(string name)
    {
        var report = await RunAsync(name, FakeVendors.Correct);

        Assert.Equal(Create(name).Cases().Count, report.Rows.Count);
        Assert.All(report.Rows, row => Assert.True(row.Passed, $"{row.Probe} ({row.Mode}): expected {row.Expected}, got {row.Got}: {row.Detail}"));
        Assert.False(report.RequiredFailed);
    }

    [Theory]
    [MemberData(nameof(Suites))]
    public async Task EveryProbe_WrongFake_Fails(string name)
    {
        var report = await RunAsync(name, FakeVendors.Wrong);

        Assert.Equal(Create(name).Cases().Count, report.Rows.Count);
        Assert.All(report.Rows, row => Assert.False(row.Passed, $"{row.Probe} ({row.Mode}) passed against the wrong fake: got {row.Got}"));
        Assert.True(report.RequiredFailed);
    }

    [Fact]
    public async Task Params_RefusedProbe_RecordsStatusAndErrorMessage()
    {
        var report = await RunAsync("params", FakeVendors.Correct);

        var row = Assert.Single(report.Rows, r => r.Probe == "temperature-above-2");
        Assert.Equal(400, row.HttpStatus);
        Assert.Equal("400", row.Got);
        Assert.Contains("temperature", row.Detail, StringComparison.Ordinal);
        Assert.Equal(2.1, row.Request!.Value.GetProperty("temperature").GetDouble());
    }

    [Fact]
    public async Task Incremental_SecondRun_SendsNothingAndKeepsRows()
    {
        await using var fake = await ProbeFakeServer.StartAsync(FakeVendors.Correct);
        using var backend = fake.Backend();
        var options = new SuiteRunOptions { OutputDirectory = _directory, Concurrency = 2 };
        var first = await new SuiteRunner(backend, TimeProvider.System).RunAsync(Create("params"), options, CancellationToken.None);
        var sent = fake.Requests;

        var second = await new SuiteRunner(backend, TimeProvider.System).RunAsync(Create("params"), options with { Incremental = true }, CancellationToken.None);

        Assert.Equal(0, second.Sent);
        Assert.Equal(sent, fake.Requests);
        Assert.Equal(first.Rows.Select(r => r.Key), second.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task Summary_CountsByStatusAndMode_FromTheJournal()
    {
        var report = await RunAsync("tool-choice", FakeVendors.Wrong);

        var summary = SuiteSummary.Of(report, "m", "http://x");
        var options = new SuiteRunOptions { OutputDirectory = _directory };
        await SuiteOutputWriter.WriteAsync(report, summary, options, CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(options.SummaryPath("tool-choice")));
        Assert.Equal(7, json.RootElement.GetProperty("by_mode").GetProperty("stream").GetInt32());
        Assert.Equal(14, json.RootElement.GetProperty("by_status").GetProperty("fail").GetInt32());
        var junit = await File.ReadAllTextAsync(options.JUnitPath("tool-choice"));
        Assert.Contains("failures=\"14\"", junit, StringComparison.Ordinal);
    }

    private async Task<SuiteReport> RunAsync(string name, Func<System.Text.Json.Nodes.JsonObject, FakeAnswer> answer)
    {
        await using var fake = await ProbeFakeServer.StartAsync(answer);
        using var backend = fake.Backend();
        var options = new SuiteRunOptions { OutputDirectory = _directory, Concurrency = 3 };
        return await new SuiteRunner(backend, TimeProvider.System).RunAsync(Create(name), options, CancellationToken.None);
    }

    private static IProbeSuite Create(string name) => name == "params"
        ? new ParamsSuite(ParamProbeTable.BuiltIn, "fake-model", ModelProfile.Find("kimi-k2-thinking")!)
        : new ToolChoiceSuite("fake-model", ModelProfile.Default);
}
