using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using K2Verifier.Metrics;

namespace K2Verifier.Suites.Probing;

/// <summary>
/// Serialization code for the suites' files, generated at build time: journal rows and summaries (snake_case, nulls
/// left out, readable UTF-8), and the suites a run's summary.json embeds.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProbeRow))]
[JsonSerializable(typeof(SuiteSummary))]
[JsonSerializable(typeof(Dictionary<string, SuiteRecord>))]
internal sealed partial class SuitesJsonContext : JsonSerializerContext
{
    /// <summary>Journal rows and summaries as read and written in one line each.</summary>
    public static SuitesJsonContext Compact { get; } = new(FileOptions(indented: false));

    /// <summary>Summaries as <c>suite-NAME.json</c> holds them.</summary>
    public static SuitesJsonContext Indented { get; } = new(FileOptions(indented: true));

    private static JsonSerializerOptions FileOptions(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = indented,
    };
}
