using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace K2Verifier.Metrics;

/// <summary>Writes and reads summary.json (snake_case keys, indented, readable UTF-8).</summary>
public static class RunSummaryWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>A summary (or a repeat summary) as JSON text.</summary>
    public static string ToJson<T>(T summary) => JsonSerializer.Serialize(summary, Options) + "\n";

    /// <summary>Writes the summary atomically (temporary file, then rename).</summary>
    public static async Task WriteAsync<T>(T summary, string path, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, ToJson(summary), cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }
}
