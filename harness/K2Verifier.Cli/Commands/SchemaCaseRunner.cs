using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// Runs <c>schema validate</c>: each non-blank line <c>{"schema", "instance"}</c> gives one line
/// <c>{"valid", "category", "errors": [{"instancePath", "keywordPath", "message"}]}</c>; category is null (valid),
/// "schema_violation", "invalid_schema", or "bad_input" for a line that is not a JSON object with both members (its
/// single error message starts with <c>FILE:LINE:</c>). Blank lines are skipped but counted.
/// </summary>
internal static class SchemaCaseRunner
{
    // JSONL for people and pipes, never embedded in HTML: keep quotes and non-ASCII readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSchemaValidator Draft7Default = new(new JsonSchemaValidatorOptions { DefaultDraft = SchemaDraft.Draft7 });

    public static void Run(string path, TextWriter output)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadLines(path);
            using var enumerator = lines.GetEnumerator();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read --cases file '{path}': {ex.Message}", ex);
        }

        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            output.WriteLine(Evaluate(line, $"{path}:{number}"));
        }
    }

    private static string Evaluate(string line, string where)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return BadInput($"{where}: not JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return BadInput($"{where}: expected an object with \"schema\" and \"instance\"");
            }

            if (!root.TryGetProperty("schema", out var schema) || !root.TryGetProperty("instance", out var instance))
            {
                return BadInput($"{where}: missing \"{(root.TryGetProperty("schema", out _) ? "instance" : "schema")}\"");
            }

            var validator = root.TryGetProperty("draft", out var draft) && draft.ValueKind == JsonValueKind.String &&
                            draft.GetString() is "draft7" or "draft-07" or "7"
                ? Draft7Default
                : JsonSchemaValidator.Default;
            var result = validator.Validate(schema, instance);
            return Format(result.IsValid, result.Verdict == SchemaVerdict.InvalidSchema ? "invalid_schema" : result.IsValid ? null : "schema_violation", result.Errors);
        }
    }

    private static string BadInput(string message) => Format(false, "bad_input", [new ValidationIssue(string.Empty, string.Empty, message)]);

    private static string Format(bool valid, string? category, IReadOnlyList<ValidationIssue> errors)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("valid", valid);
            if (category is null)
            {
                writer.WriteNull("category");
            }
            else
            {
                writer.WriteString("category", category);
            }

            writer.WriteStartArray("errors");
            foreach (var error in errors)
            {
                writer.WriteStartObject();
                writer.WriteString("instancePath", error.InstanceLocation);
                writer.WriteString("keywordPath", error.KeywordLocation);
                writer.WriteString("message", error.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
