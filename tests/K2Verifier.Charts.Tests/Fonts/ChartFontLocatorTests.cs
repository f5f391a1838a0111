using K2Verifier.Charts.Fonts;

namespace K2Verifier.Charts.Tests.Fonts;

public sealed class ChartFontLocatorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("k2v-fonts-").FullName;

    [Fact]
    public void Find_NoFontInAnyFolder_FailsLoudlyWithTheFix()
    {
        var locator = new ChartFontLocator(null, [_folder, Path.Combine(_folder, "missing")]);

        var error = Assert.Throws<ChartFontMissingException>(locator.Find);

        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
        Assert.Contains("without any text", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install fonts-dejavu-core", error.Message, StringComparison.Ordinal);
        Assert.Contains("K2VERIFIER_FONT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_OnlyFilesThatAreNotFonts_FailsLoudly()
    {
        File.WriteAllText(Path.Combine(_folder, "DejaVuSans.ttf"), "not a font");

        Assert.Throws<ChartFontMissingException>(new ChartFontLocator(null, [_folder]).Find);
    }

    [Fact]
    public void Find_ConfiguredFileThatIsMissing_FailsNamingIt()
    {
        var configured = Path.Combine(_folder, "nope.ttf");

        var error = Assert.Throws<ChartFontMissingException>(new ChartFontLocator(configured, [_folder]).Find);

        Assert.Contains($"K2VERIFIER_FONT=\"{configured}\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_PrefersDejaVuSansOverOtherFontsAndSkipsBrokenFiles()
    {
        // Arrange: this machine's font (the set-up provides one) copied under two names, and a broken preferred file first.
        var machineFont = ChartFontLocator.FromEnvironment(Environment.GetEnvironmentVariable).Find().Regular;
        var first = Directory.CreateDirectory(Path.Combine(_folder, "a")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(_folder, "b", "dejavu")).FullName;
        File.WriteAllText(Path.Combine(first, "DejaVuSans.ttf"), "broken");
        File.Copy(machineFont, Path.Combine(first, "Aardvark.ttf"));
        File.Copy(machineFont, Path.Combine(second, "DejaVuSans.ttf"));
        File.Copy(machineFont, Path.Combine(second, "DejaVuSans-Bold.ttf"));

        // Act
        var found = new ChartFontLocator(null, [first, Path.Combine(_folder, "b")]).Find();

        // Assert
        Assert.Equal(Path.Combine(second, "DejaVuSans.ttf"), found.Regular);
        Assert.Equal(Path.Combine(second, "DejaVuSans-Bold.ttf"), found.Bold);
    }

    [Fact]
    public void FromEnvironment_SearchesTheUserCacheFirst()
    {
        var locator = ChartFontLocator.FromEnvironment(name => name switch
        {
            "HOME" => "/home/k",
            "XDG_CACHE_HOME" => null,
            _ => null,
        });

        Assert.Equal("/home/k/.cache/k2verifier/fonts", locator.Folders[0]);
        Assert.Contains("/usr/share/fonts", locator.Folders);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
