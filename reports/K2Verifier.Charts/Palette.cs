namespace K2Verifier.Charts;

/// <summary>
/// Okabe–Ito, the colour-blind-safe qualitative palette (Okabe and Ito, 2008), ordered so that the first colours stay
/// apart under the common colour-vision deficiencies and keep contrast on white (yellow last).
/// </summary>
public static class Palette
{
    public const string Blue = "#0072B2";
    public const string Orange = "#E69F00";
    public const string BluishGreen = "#009E73";
    public const string Vermillion = "#D55E00";
    public const string SkyBlue = "#56B4E9";
    public const string ReddishPurple = "#CC79A7";
    public const string Yellow = "#F0E442";
    public const string Black = "#000000";

    /// <summary>A neutral grey for context (published providers beside the runs of a report).</summary>
    public const string Grey = "#9E9E9E";

    /// <summary>The palette in series order.</summary>
    public static IReadOnlyList<string> OkabeIto { get; } = [Blue, Orange, BluishGreen, Vermillion, SkyBlue, ReddishPurple, Yellow, Black];

    /// <summary>The colour of series <paramref name="index"/> (cycling).</summary>
    public static string At(int index) => OkabeIto[((index % OkabeIto.Count) + OkabeIto.Count) % OkabeIto.Count];
}
