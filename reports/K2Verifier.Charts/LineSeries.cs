namespace K2Verifier.Charts;

/// <summary>One line: points in ascending x; a colour, or null for the next of <see cref="Palette.OkabeIto"/>.</summary>
public sealed record LineSeries(string Name, IReadOnlyList<ChartPoint> Points, string? Color = null);
