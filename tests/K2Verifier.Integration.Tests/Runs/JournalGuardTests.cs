using K2Verifier.Integration.Tests.FakeVendor;

namespace K2Verifier.Integration.Tests.Runs;

/// <summary>Issue 13: a rerun without --incremental never silently replaces a journal, and --incremental says what it kept.</summary>
public sealed class JournalGuardTests
{
    [Fact]
    public async Task Run_TwiceWithoutIncremental_KeepsThePreviousJournalAsBak_ThenIncrementalSaysWhatItKept()
    {
        await using var server = await FakeVendorServer.StartAsync();
        var folder = RunFixture.Folder();
        var dataset = RunFixture.Dataset(folder, ["a", "b", "c"]);
        var results = Path.Combine(folder, "results.jsonl");

        var (first, _) = await RunAsync(server, dataset);
        var firstJournal = await File.ReadAllTextAsync(results);
        var (second, secondError) = await RunAsync(server, dataset);
        var (third, thirdError) = await RunAsync(server, dataset, "--incremental");

        Assert.Equal((0, 0, 0), (first, second, third));
        Assert.Contains($"{results} already held a journal (3 rows): moved it to {results}.bak; pass --incremental", secondError, StringComparison.Ordinal);
        Assert.Equal(firstJournal, await File.ReadAllTextAsync(results + ".bak"));
        Assert.Contains($"--incremental: keeping 3 successful requests of {results}; sending the rest", thirdError, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests.Count); // the incremental run sent nothing
    }

    private static async Task<(int Exit, string Error)> RunAsync(FakeVendorServer server, string dataset, params string[] extra)
    {
        var (exit, _, error) = await RunFixture.RunCliAsync(server.BaseUrl.ToString(), dataset, extra);
        return (exit, error);
    }
}
