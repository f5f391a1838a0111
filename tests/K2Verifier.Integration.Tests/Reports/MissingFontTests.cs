using System.Diagnostics;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.Tests.Support;

namespace K2Verifier.Integration.Tests.Reports;

/// <summary>
/// Without a font SkiaSharp would draw every chart without text; <c>report</c> must stop before writing anything and
/// say how to fix it. Run as a separate process because the chart font is found once per process.
/// </summary>
public sealed class MissingFontTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-missing-font-").FullName;

    [Fact]
    public async Task Report_NoUsableFont_ExitsThreeWithTheFixAndWritesNoChart()
    {
        // Arrange: a journal, and K2VERIFIER_FONT naming a file that is not a font.
        var journal = ReportTestData.WriteJournal(Path.Combine(_directory, "results.jsonl"), ReportTestData.VendorRows(10, 0));
        var notAFont = Path.Combine(_directory, "broken.ttf");
        await File.WriteAllTextAsync(notAFont, "not a font");
        var output = Path.Combine(_directory, "report");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { CliProcess.CliDllPath(), "report", journal, "--out", output })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["K2VERIFIER_FONT"] = notAFont;
        start.Environment["NO_COLOR"] = "1";

        // Act
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(deadline.Token);
        var error = await standardError;
        await standardOutput;

        // Assert
        Assert.Equal(3, process.ExitCode);
        Assert.Contains($"K2VERIFIER_FONT=\"{notAFont}\" is not a font file", error, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-dejavu-core", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "charts")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
