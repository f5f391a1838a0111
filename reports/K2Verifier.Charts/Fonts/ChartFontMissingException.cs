namespace K2Verifier.Charts.Fonts;

/// <summary>
/// No usable font file was found for chart text. Without one SkiaSharp draws every chart without any text, so chart
/// rendering stops here instead, and the message says how to provide a font.
/// </summary>
public sealed class ChartFontMissingException : Exception
{
    /// <summary>The fix printed with every instance.</summary>
    public const string Fix =
        "Fix: run ./run.sh once (as root it installs Debian's fonts-dejavu-core; otherwise scripts/fetch-font.sh fetches DejaVu Sans "
        + "into ~/.cache/k2verifier/fonts), or apt-get install fonts-dejavu-core, or set " + ChartFontLocator.EnvironmentVariable
        + " to a .ttf file.";

    public ChartFontMissingException()
        : this("no font for chart text was found")
    {
    }

    public ChartFontMissingException(string message)
        : base($"{message}. Charts would be drawn without any text. {Fix}")
    {
    }

    public ChartFontMissingException(string message, Exception innerException)
        : base($"{message}. Charts would be drawn without any text. {Fix}", innerException)
    {
    }
}
