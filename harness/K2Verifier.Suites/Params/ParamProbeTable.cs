using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Params;

/// <summary>
/// The params probe table: the built-in rows (embedded <c>params-probes.jsonl</c>) with a user's file applied on top.
/// The user file has the same shape, one JSON object per line: a row with a known <c>probe</c> name replaces it, a new
/// name is added, <c>"disabled": true</c> removes it.
/// </summary>
public static class ParamProbeTable
{
    private static readonly Lazy<IReadOnlyList<ParamProbe>> BuiltInLazy = new(() =>
    {
        using var stream = typeof(ParamProbeTable).Assembly.GetManifestResourceStream("K2Verifier.Suites.Params.params-probes.jsonl")
            ?? throw new InvalidOperationException("the built-in params table is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Apply([], reader.ReadToEnd(), "params-probes.jsonl (built in)");
    });

    /// <summary>The built-in table.</summary>
    public static IReadOnlyList<ParamProbe> BuiltIn => BuiltInLazy.Value;

    /// <summary>The built-in table with <paramref name="userFile"/> applied (when given).</summary>
    /// <exception cref="FormatException">A line of the file is not a valid row; the message names file, line and field.</exception>
    public static IReadOnlyList<ParamProbe> Load(string? userFile) =>
        userFile is null ? BuiltIn : Apply(BuiltIn, File.ReadAllText(userFile), userFile);

    /// <summary>Applies the rows of <paramref name="text"/> (JSONL) to <paramref name="table"/>.</summary>
    public static IReadOnlyList<ParamProbe> Apply(IReadOnlyList<ParamProbe> table, string text, string source)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(text);
        var rows = table.ToList();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (name, probe) = ParseLine(line, $"{source}:{number}");
            var index = rows.FindIndex(r => r.Name == name);
            if (index >= 0)
            {
                rows.RemoveAt(index);
            }

            if (probe is not null)
            {
                rows.Insert(index >= 0 ? index : rows.Count, probe);
            }
        }

        return rows;
    }

    private static (string Name, ParamProbe? Probe) ParseLine(string line, string where)
    {
        JsonObject row;
        try
        {
            row = JsonNode.Parse(line) as JsonObject ?? throw new FormatException($"{where}: a row must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new FormatException($"{where}: not JSON: {ex.Message}", ex);
        }

        var name = Text(row, "probe", where) ?? throw new FormatException($"{where}: field \"probe\" (a name) is missing");
        if (row["disabled"] is JsonValue disabled && disabled.TryGetValue<bool>(out var off) && off)
        {
            return (name, null);
        }

        var change = row["change"] switch
        {
            JsonObject o => (JsonObject)o.DeepClone(),
            null => throw new FormatException($"{where}: field \"change\" (a JSON object merged into the request) is missing"),
            _ => throw new FormatException($"{where}: field \"change\" must be a JSON object"),
        };
        var expect = Text(row, "expect", where);
        if (expect is not ("200" or "4xx"))
        {
            throw new FormatException($"{where}: field \"expect\" must be \"200\" or \"4xx\", not {row["expect"]?.ToJsonString() ?? "missing"}");
        }

        var required = row["required"] is not JsonValue flag || !flag.TryGetValue<bool>(out var value) || value;
        return (name, new ParamProbe(name, change, expect, Text(row, "rationale", where) ?? string.Empty, required));
    }

    private static string? Text(JsonObject row, string field, string where) => row[field] switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => throw new FormatException($"{where}: field \"{field}\" must be a string"),
    };
}
