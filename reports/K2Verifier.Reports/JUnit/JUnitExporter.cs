using System.Globalization;
using System.Text;
using System.Xml;
using K2Verifier.Gates;
using K2Verifier.Results;

namespace K2Verifier.Reports.JUnit;

/// <summary>
/// JUnit XML for CI systems: a <c>gates</c> suite with one testcase per gate, and a <c>requests</c> suite with one
/// failing testcase per failed request or invalid tool-call response (passing requests are not listed).
/// </summary>
public static class JUnitExporter
{
    /// <summary>The XML document as text.</summary>
    public static string ToXml(string name, IReadOnlyList<GateResult> gates, IEnumerable<CaseOutcome> rows)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(rows);
        var problems = rows.Where(r => !r.IsSuccess || (r.FinishReason == "tool_calls" && r.ToolCallsValid != true)).OrderBy(r => r.DataIndex).ToList();
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", name);
            writer.WriteAttributeString("tests", Count(gates.Count + problems.Count));
            writer.WriteAttributeString("failures", Count(gates.Count(g => !g.Passed) + problems.Count));
            WriteGates(writer, gates);
            WriteRequests(writer, problems);
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Writes the XML to <paramref name="path"/> (folders created as needed).</summary>
    public static async Task WriteAsync(string path, string name, IReadOnlyList<GateResult> gates, IEnumerable<CaseOutcome> rows, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await File.WriteAllTextAsync(path, ToXml(name, gates, rows), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The <c>gates</c> suite: one testcase per gate; a gate that cannot be evaluated is an error, not a failure.</summary>
    internal static void WriteGates(XmlWriter writer, IReadOnlyList<GateResult> gates)
    {
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", "gates");
        writer.WriteAttributeString("tests", Count(gates.Count));
        writer.WriteAttributeString("failures", Count(gates.Count(g => !g.Passed)));
        foreach (var gate in gates)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("classname", "gates");
            writer.WriteAttributeString("name", gate.Gate.Text);
            if (!gate.Passed)
            {
                writer.WriteStartElement(gate.Evaluable ? "failure" : "error");
                writer.WriteAttributeString("message", $"{gate.Gate.Metric} = {Value(gate.Actual)}, expected {gate.Gate.Operator} {Value(gate.Gate.Threshold)}{(gate.Note is null ? "" : $" ({gate.Note})")}");
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static void WriteRequests(XmlWriter writer, List<CaseOutcome> problems)
    {
        writer.WriteStartElement("testsuite");
        writer.WriteAttributeString("name", "requests");
        writer.WriteAttributeString("tests", Count(problems.Count));
        writer.WriteAttributeString("failures", Count(problems.Count));
        foreach (var row in problems)
        {
            writer.WriteStartElement("testcase");
            writer.WriteAttributeString("classname", "requests");
            writer.WriteAttributeString("name", $"data_index {row.DataIndex.ToString(CultureInfo.InvariantCulture)}");
            writer.WriteStartElement("failure");
            writer.WriteAttributeString("type", row.IsSuccess ? "invalid_tool_calls" : row.ErrorCategory ?? "failed");
            writer.WriteAttributeString("message", Describe(row));
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>What is wrong with a row: its failure, or each invalid call with the instance path, keyword and message (which names the property).</summary>
    internal static string Describe(CaseOutcome row)
    {
        if (!row.IsSuccess)
        {
            return $"request failed: {row.ErrorCategory}";
        }

        var invalid = row.ToolCallChecks.Where(c => !c.Valid).Select(c =>
            $"call {c.Index} ({c.Name ?? "?"}): {c.Category}{(c.InstancePath is null ? "" : $" at {(c.InstancePath.Length == 0 ? "the arguments' root" : $"'{c.InstancePath}'")}")}{(c.Keyword is null ? "" : $" [{c.Keyword}]")}{(c.Message is null ? "" : $": {c.Message}")}");
        return $"invalid tool calls: {string.Join("; ", invalid)}";
    }

    internal static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Value(double? value) => value?.ToString("0.######", CultureInfo.InvariantCulture) ?? "undefined";
}
