using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace K2Verifier.Suites.Probing;

/// <summary>Writes a suite's derived files: <c>suite-NAME.json</c> (the summary) and <c>suite-NAME.junit.xml</c>.</summary>
public static class SuiteOutputWriter
{
    /// <summary>Writes both files; returns their paths.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(SuiteReport report, SuiteSummary summary, SuiteRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.OutputDirectory);
        var summaryPath = options.SummaryPath(report.Suite);
        await File.WriteAllTextAsync(summaryPath, JsonSerializer.Serialize(summary, SuitesJsonContext.Indented.SuiteSummary) + "\n", cancellationToken).ConfigureAwait(false);
        var junitPath = options.JUnitPath(report.Suite);
        await File.WriteAllTextAsync(junitPath, ToJUnit(report), cancellationToken).ConfigureAwait(false);
        return [summaryPath, junitPath];
    }

    /// <summary>JUnit XML: one testcase per attempt; a failure for a required attempt that did not pass, skipped for a rejected schema.</summary>
    public static string ToJUnit(SuiteReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            writer.WriteStartElement("testsuites");
            writer.WriteAttributeString("name", $"k2verifier suite {report.Suite}");
            writer.WriteStartElement("testsuite");
            writer.WriteAttributeString("name", report.Suite);
            writer.WriteAttributeString("tests", Count(report.Rows.Count));
            writer.WriteAttributeString("failures", Count(report.Rows.Count(IsFailure)));
            writer.WriteAttributeString("skipped", Count(report.Rows.Count(r => r.Status == ProbeStatus.Rejected)));
            foreach (var row in report.Rows)
            {
                WriteCase(writer, report.Suite, row);
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCase(XmlWriter writer, string suite, ProbeRow row)
    {
        writer.WriteStartElement("testcase");
        writer.WriteAttributeString("classname", $"{suite}.{row.Probe}");
        writer.WriteAttributeString("name", row.Rerun > 1 ? $"{row.Mode} #{row.Rerun}" : row.Mode);
        writer.WriteAttributeString("time", (row.DurationMs / 1000.0).ToString("0.000", CultureInfo.InvariantCulture));
        var message = $"expected {row.Expected}, got {row.Got} ({row.Status}: {row.Reason}){(row.Detail is null ? string.Empty : ": " + row.Detail)}";
        if (row.Status == ProbeStatus.Rejected)
        {
            writer.WriteStartElement("skipped");
            writer.WriteAttributeString("message", message);
            writer.WriteEndElement();
        }
        else if (!row.Passed)
        {
            writer.WriteStartElement(row.Required ? "failure" : "system-out");
            if (row.Required)
            {
                writer.WriteAttributeString("message", message);
                writer.WriteAttributeString("type", row.Reason);
            }

            writer.WriteString(message);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static bool IsFailure(ProbeRow row) => row.Required && !row.Passed && row.Status != ProbeStatus.Rejected;

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
