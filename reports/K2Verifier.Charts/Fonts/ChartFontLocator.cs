using SkiaSharp;

namespace K2Verifier.Charts.Fonts;

/// <summary>
/// Finds the font chart text is drawn with: the file named by <c>K2VERIFIER_FONT</c>, else the first of
/// <see cref="PreferredFiles"/> under the searched folders (the user cache that scripts/fetch-font.sh fills, then the
/// system font folders), else any TrueType or OpenType file there. Every candidate is loaded with SkiaSharp before
/// it is accepted; when none loads, <see cref="Find"/> throws <see cref="ChartFontMissingException"/>.
/// </summary>
public sealed class ChartFontLocator
{
    /// <summary>The environment variable that names a font file explicitly.</summary>
    public const string EnvironmentVariable = "K2VERIFIER_FONT";

    /// <summary>The sans-serif faces looked for first, in order (DejaVu Sans is what the set-up installs or fetches).</summary>
    public static IReadOnlyList<string> PreferredFiles { get; } = ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "NotoSans-Regular.ttf", "FreeSans.ttf", "Arial.ttf"];

    private readonly string? _configuredFile;

    /// <summary>A locator over <paramref name="folders"/> (searched recursively, in order) and an optional explicit file.</summary>
    public ChartFontLocator(string? configuredFile, IReadOnlyList<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        _configuredFile = string.IsNullOrWhiteSpace(configuredFile) ? null : configuredFile;
        Folders = folders;
    }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The locator of this machine: <c>K2VERIFIER_FONT</c>, the user cache's <c>fonts</c> folder, then the system font folders.</summary>
    public static ChartFontLocator FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var home = environment("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cacheHome = environment("XDG_CACHE_HOME") is { Length: > 0 } c ? c : Path.Combine(home, ".cache");
        return new ChartFontLocator(
            environment(EnvironmentVariable),
            [Path.Combine(cacheHome, "k2verifier", "fonts"), "/usr/share/fonts", "/usr/local/share/fonts", Path.Combine(home, ".local", "share", "fonts"), Path.Combine(home, ".fonts")]);
    }

    /// <summary>The font to draw with; throws <see cref="ChartFontMissingException"/> (with the fix) when there is none.</summary>
    public ChartFontFiles Find()
    {
        if (_configuredFile is not null)
        {
            return Loads(_configuredFile)
                ? new ChartFontFiles(_configuredFile, null)
                : throw new ChartFontMissingException($"{EnvironmentVariable}=\"{_configuredFile}\" is not a font file SkiaSharp can load");
        }

        var files = Folders.Where(Directory.Exists).SelectMany(FontFiles).ToList();
        var ordered = PreferredFiles
            .SelectMany(name => files.Where(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase)))
            .Concat(files.Order(StringComparer.Ordinal));
        var regular = ordered.FirstOrDefault(Loads)
            ?? throw new ChartFontMissingException($"no font for chart text was found (searched {string.Join(", ", Folders)}; {EnvironmentVariable} is not set)");
        var bold = Path.Combine(Path.GetDirectoryName(regular)!, BoldName(regular));
        return new ChartFontFiles(regular, File.Exists(bold) && Loads(bold) ? bold : null);
    }

    private static IEnumerable<string> FontFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(f => f.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".otf", StringComparison.OrdinalIgnoreCase));

    private static string BoldName(string regular)
    {
        var stem = Path.GetFileNameWithoutExtension(regular);
        stem = stem.EndsWith("-Regular", StringComparison.OrdinalIgnoreCase) ? stem[..^"-Regular".Length] : stem;
        return $"{stem}-Bold{Path.GetExtension(regular)}";
    }

    private static bool Loads(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        using var typeface = SKTypeface.FromFile(path);
        return typeface is not null && typeface.GlyphCount > 0;
    }
}
