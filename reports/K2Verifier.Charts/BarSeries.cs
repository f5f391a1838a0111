namespace K2Verifier.Charts;

/// <summary>One series of a bar chart: a value per category (null draws nothing), optional error bars, optional colour.</summary>
/// <param name="Name">The legend entry.</param>
/// <param name="Values">One value per category of the chart.</param>
/// <param name="Errors">One interval per category (absolute values, drawn as whiskers), or null for none.</param>
/// <param name="Color">A CSS colour; null takes the next colour of <see cref="Palette.OkabeIto"/>.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double?> Values, IReadOnlyList<ErrorBar?>? Errors = null, string? Color = null);
