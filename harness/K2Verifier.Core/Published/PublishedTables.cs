using System.Globalization;

namespace K2Verifier.Published;

/// <summary>
/// K2VV's published vendor tables, embedded from <c>datasets/baselines/*.csv</c>. The CSV is ours and simple (a header,
/// comma-separated, no quoted fields), so it is read without a CSV library.
/// </summary>
public static class PublishedTables
{
    /// <summary>Table names: <c>k2-0905</c>, <c>k2-thinking</c>.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(v => v.Table).Distinct(StringComparer.Ordinal)];

    /// <summary>Every published row.</summary>
    public static IReadOnlyList<PublishedVendor> All { get; } = Load();

    /// <summary>The table a model name points at: <c>k2-thinking</c> for thinking models, <c>k2-0905</c> for other K2 models, else null.</summary>
    public static string? InferTable(string? model)
    {
        if (model is null || !model.Contains("k2", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return model.Contains("thinking", StringComparison.OrdinalIgnoreCase) ? "k2-thinking" : "k2-0905";
    }

    private static List<PublishedVendor> Load()
    {
        var vendors = new List<PublishedVendor>();
        var assembly = typeof(PublishedTables).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("K2Verifier.Published.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var header = reader.ReadLine()!.Split(',');
            int Column(string column) => Array.IndexOf(header, column) is var i and >= 0 ? i : throw new InvalidDataException($"{name}: column '{column}' missing");
            while (reader.ReadLine() is { Length: > 0 } line)
            {
                var f = line.Split(',');
                vendors.Add(new PublishedVendor(
                    f[Column("table")],
                    f[Column("model")],
                    f[Column("provider")],
                    f[Column("test_date")],
                    Number(f[Column("tool_call_f1")]),
                    f[Column("tool_call_f1_note")] is { Length: > 0 } note ? note : null,
                    int.Parse(f[Column("count_finish_reason_tool_calls")], CultureInfo.InvariantCulture),
                    int.Parse(f[Column("count_successful_tool_call")], CultureInfo.InvariantCulture),
                    Number(f[Column("schema_accuracy")])!.Value,
                    Number(f[Column("acceptance_f1")])!.Value));
            }
        }

        return vendors;
    }

    private static double? Number(string text) =>
        text.Length == 0 ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
