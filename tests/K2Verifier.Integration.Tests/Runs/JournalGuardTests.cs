using System.Globalization;
using K2Verifier.Cli;
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

        var (first, _) = await RunAsync(server, dataset, folder);
        var firstJournal = await File.ReadAllTextAsync(results);
        var (second, secondError) = await RunAsync(server, dataset, folder);
        var (third, thirdError) = await RunAsync(server, dataset, folder, "--incremental");

        Assert.Equal((0, 0, 0), (first, second, third));
        Assert.Contains($"{results} already held a journal (3 rows): moved it to {results}.bak; pass --incremental", secondError, StringComparison.Ordinal);
        Assert.Equal(firstJournal, await File.ReadAllTextAsync(results + ".bak"));
        Assert.Contains($"--incremental: keeping 3 successful requests of {results}; sending the rest", thirdError, StringComparison.Ordinal);
        Assert.Equal(6, server.Requests.Count); // the incremental run sent nothing
    }

    private static async Task<(int Exit, string Error)> RunAsync(FakeVendorServer server, string dataset, string folder, params string[] extra)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        string[] args = ["run", dataset, "--base-url", server.BaseUrl.ToString(), "--model", "m",
            "--output", Path.Combine(folder, "results.jsonl"), "--summary", Path.Combine(folder, "summary.json"), .. extra];
        var exit = await CliApp.RunAsync(args, new CliConsole(output, error));
        return (exit, error.ToString());
    }
}
