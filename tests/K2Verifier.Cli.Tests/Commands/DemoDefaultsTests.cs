using System.CommandLine;
using System.Globalization;

namespace K2Verifier.Cli.Tests.Commands;

/// <summary>Issue 13: <c>demo</c> run from another directory finds its dataset: the defaults resolve against the clone, not the working directory.</summary>
public sealed class DemoDefaultsTests
{
    [Theory]
    [InlineData("--dataset", "datasets/k2v-4000", "samples.jsonl")]
    [InlineData("--out", "reports/latest", null)]
    public void Demo_DefaultPath_IsAbsoluteUnderTheClone(string option, string relative, string? mustHold)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        var root = CliApp.BuildRootCommand(new CliConsole(output, output));
        var parseResult = root.Parse(["demo"]);
        var demo = root.Subcommands.Single(c => c.Name == "demo");

        var value = parseResult.GetValue(demo.Options.OfType<Option<string>>().Single(o => o.Name == option))!;

        Assert.True(Path.IsPathRooted(value), value);
        Assert.EndsWith(relative.Replace('/', Path.DirectorySeparatorChar), value, StringComparison.Ordinal);
        if (mustHold is not null)
        {
            Assert.True(File.Exists(Path.Combine(value, mustHold)), value);
        }
    }
}
