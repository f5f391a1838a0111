namespace K2Verifier.Charts.Fonts;

/// <summary>The font files chart text is drawn with: a regular face and, when the family has one beside it, a bold face.</summary>
/// <param name="Regular">The regular face (a .ttf or .otf file that SkiaSharp loaded).</param>
/// <param name="Bold">The bold face, or null (bold text then uses the regular face).</param>
public sealed record ChartFontFiles(string Regular, string? Bold);
