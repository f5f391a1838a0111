namespace K2Verifier.Charts;

/// <summary>A chart drawn both ways: SVG (text as <c>&lt;text&gt;</c>, ready to inline in HTML) and PNG of the same size.</summary>
/// <param name="Id">The chart's id (<see cref="ChartSpec.Id"/>), used for file names.</param>
/// <param name="Title">The chart's title.</param>
/// <param name="Svg">The SVG element, without an XML declaration; element ids are prefixed with <paramref name="Id"/>.</param>
/// <param name="Png">The PNG file's bytes.</param>
/// <param name="Width">The width in pixels.</param>
/// <param name="Height">The height in pixels.</param>
public sealed record ChartImage(string Id, string Title, string Svg, ReadOnlyMemory<byte> Png, int Width, int Height);
