namespace K2Verifier.Reports.Html;

/// <summary>The page's stylesheet and script, embedded in the assembly (Html/Assets) and inlined into every page.</summary>
internal static class HtmlAssets
{
    public static string Css { get; } = Load("report.css");

    public static string Script { get; } = Load("report.js");

    private static string Load(string name)
    {
        using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream($"K2Verifier.Reports.Html.{name}")
            ?? throw new InvalidOperationException($"embedded asset {name} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
