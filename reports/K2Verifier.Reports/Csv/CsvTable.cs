using System.Globalization;
using CsvHelper;

namespace K2Verifier.Reports.Csv;

/// <summary>
/// Writes a CSV table with CsvHelper under the invariant culture: raw numbers (shortest round-trip doubles, no
/// thousands separators), empty fields for nulls, <c>true</c>/<c>false</c>, LF line endings, the header first. Text
/// that a spreadsheet would run as a formula (a vendor's finish_reason such as <c>=HYPERLINK(…)</c>) is escaped.
/// </summary>
internal static class CsvTable
{
    private static readonly CsvWriterOptions Options = new()
    {
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
        Injection = CsvInjection.Escape,
    };

    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            foreach (var name in header)
            {
                csv.WriteField(name);
            }

            csv.EndRecord();
            foreach (var row in rows)
            {
                if (row.Count != header.Count)
                {
                    throw new InvalidOperationException($"a row has {row.Count} fields for {header.Count} columns");
                }

                foreach (var value in row)
                {
                    Write(csv, value);
                }

                csv.EndRecord();
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static void Write(CsvWriter csv, object? value)
    {
        switch (value)
        {
            case null:
                csv.WriteField((string?)null);
                break;
            case int i:
                csv.WriteField(i, default);
                break;
            case long l:
                csv.WriteField(l, default);
                break;
            case double d:
                csv.WriteField(d, default);
                break;
            case bool b:
                csv.WriteField(b);
                break;
            default:
                csv.WriteField(value.ToString());
                break;
        }
    }
}
