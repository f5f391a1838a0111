using System.Globalization;
using System.Text;
using System.Xml;
using K2Verifier.Comparison;
using K2Verifier.Gates;
using K2Verifier.Results;

namespace K2Verifier.Reports.JUnit;

/// <summary>
/// JUnit XML of <c>compare A B</c>: the <c>gates</c> suite, then a <c>changes</c> suite with one failing testcase per
/// request whose outcome changed from A to B (status, a tool_calls ↔ stop flip, valid ↔ invalid calls), each saying
/// the change and, when B's calls are invalid, the instance path, keyword and message of each.
/// </summary>
public static class ComparisonJUnitExporter
{
    /// <summary>The XML document as text; <paramref name="rowsB"/> are B's rows (for what is wrong with them).</summary>
    public static string ToXml(string name, IReadOnlyList<GateResult> gates, RunComparison comparison, IEnumerable<CaseOutcome> rowsB)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(comparison);
        var byIndex = LatestByIndex(rowsB);
        var changes = comparison.Changes.GroupBy(c => c.DataIndex).OrderBy(g => g.Key).ToList();
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", name);
            writer.WriteAttributeString("tests", JUnitExporter.Count(gates.Count + changes.Count));
            writer.WriteAttributeString("failures", JUnitExporter.Count(gates.Count(g => g.Evaluable && !g.Passed) + changes.Count));
            JUnitExporter.WriteGates(writer, gates);
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", "changes");
            writer.WriteAttributeString("tests", JUnitExporter.Count(changes.Count));
            writer.WriteAttributeString("failures", JUnitExporter.Count(changes.Count));
            foreach (var change in changes)
            {
                writer.WriteStartElement("testcase");
                writer.WriteAttributeString("classname", "changes");
                writer.WriteAttributeString("name", $"data_index {change.Key.ToString(CultureInfo.InvariantCulture)}");
                writer.WriteStartElement("failure");
                writer.WriteAttributeString("type", string.Join(",", change.Select(c => c.Kind)));
                var text = string.Join("; ", change.Select(c => $"{c.Kind}: {c.Before} -> {c.After}"));
                var detail = byIndex.TryGetValue(change.Key, out var row) && (!row.IsSuccess || row.ToolCallsValid == false) ? $" ({JUnitExporter.Describe(row)})" : string.Empty;
                writer.WriteAttributeString("message", text + detail);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the XML to <paramref name="path"/> (folders created as needed).</summary>
    public static async Task WriteAsync(string path, string name, IReadOnlyList<GateResult> gates, RunComparison comparison, IEnumerable<CaseOutcome> rowsB, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, ToXml(name, gates, comparison, rowsB), cancellationToken).ConfigureAwait(false);
    }

    private static Dictionary<int, CaseOutcome> LatestByIndex(IEnumerable<CaseOutcome> rows) =>
        Metrics.MetricsCalculator.Latest(rows).ToDictionary(r => r.DataIndex);
}
