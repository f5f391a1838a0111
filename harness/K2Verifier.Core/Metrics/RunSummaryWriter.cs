using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace K2Verifier.Metrics;

/// <summary>Writes and reads summary.json (snake_case keys, indented, readable UTF-8): a run's summary or a repeat's.</summary>
public static class RunSummaryWriter
{
    private static readonly SummaryJsonContext Context = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    });

    /// <summary>A run's summary as JSON text.</summary>
    public static string ToJson(RunSummary summary) => ToJson(summary, Context.RunSummary);

    /// <summary>A repeat summary (<c>run --repeat N</c>) as JSON text.</summary>
    public static string ToJson(RepeatSummary summary) => ToJson(summary, Context.RepeatSummary);

    /// <summary>Writes a run's summary atomically (temporary file, then rename).</summary>
    public static Task WriteAsync(RunSummary summary, string path, CancellationToken cancellationToken = default) =>
        WriteTextAsync(ToJson(summary), path, cancellationToken);

    /// <summary>Writes a repeat summary atomically (temporary file, then rename).</summary>
    public static Task WriteAsync(RepeatSummary summary, string path, CancellationToken cancellationToken = default) =>
        WriteTextAsync(ToJson(summary), path, cancellationToken);

    /// <summary>A run's summary read back from summary.json's root object.</summary>
    /// <exception cref="JsonException">The object is not a summary's.</exception>
    public static RunSummary Read(JsonElement summary) =>
        summary.Deserialize(Context.RunSummary) ?? throw new JsonException("a summary.json holding null");

    private static string ToJson<T>(T summary, JsonTypeInfo<T> type) => JsonSerializer.Serialize(summary, type) + "\n";

    private static async Task WriteTextAsync(string json, string path, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, json, cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
