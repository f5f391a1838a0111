namespace K2Verifier.Charts;

/// <summary>What every chart has: a file-safe id, a title and an optional subtitle (e.g. what the error bars mean).</summary>
public abstract record ChartSpec
{
    /// <summary>A short id, used as the file name (<c>ID.svg</c>) and to prefix element ids. Letters, digits and '-' only.</summary>
    public required string Id { get; init; }

    /// <summary>The chart's title, drawn on top and used as the SVG's accessible name.</summary>
    public required string Title { get; init; }

    /// <summary>A line under the title. Default: none.</summary>
    public string? Subtitle { get; init; }

    /// <summary>The label of the value axis.</summary>
    public required string ValueLabel { get; init; }

    /// <summary>How tick labels and value labels are formatted (.NET format string, invariant culture). Default: <c>0.##</c>.</summary>
    public string ValueFormat { get; init; } = "0.##";
}
