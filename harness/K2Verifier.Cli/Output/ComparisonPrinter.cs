using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using K2Verifier.Comparison;

namespace K2Verifier.Cli.Output;

/// <summary>Prints a comparison: metric deltas with intervals, then the requests that changed.</summary>
internal static class ComparisonPrinter
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Print(RunComparison c, TextWriter output, int maxChanges = 40)
    {
        output.WriteLine($"A: {c.A}");
        output.WriteLine($"B: {c.B}");
        if (c.Baseline is not null)
        {
            output.WriteLine($"baseline: {c.Baseline}");
        }

        output.WriteLine($"common requests: {c.CommonRequests}   only in A: {c.OnlyInA.Count}   only in B: {c.OnlyInB.Count}{(c.DifferentRequests.Count > 0 ? $"   different requests at the same data_index: {c.DifferentRequests.Count}" : "")}");
        output.WriteLine();
        output.WriteLine($"  {"metric",-22}{"A",10}{"B",10}{"B - A",10}  95% interval of B - A");
        foreach (var d in c.Deltas)
        {
            var interval = d.DeltaInterval is { } i ? Invariant($"[{i.Low:+0.0000;-0.0000;0.0000}, {i.High:+0.0000;-0.0000;0.0000}]") : "n/a";
            output.WriteLine($"  {d.Metric,-22}{Number(d.A),10}{Number(d.B),10}{Signed(d.Delta),10}  {interval}");
        }

        var similarity = c.SimilarityF1Interval is { } s ? Invariant($" [{s.Low:0.0000}, {s.High:0.0000}]") : string.Empty;
        output.WriteLine($"  {"trigger similarity F1 (B vs A)",-42}{Number(c.SimilarityF1)}{similarity}");
        output.WriteLine();
        output.WriteLine($"changed requests: {c.Changes.Count}");
        foreach (var change in c.Changes.Take(maxChanges))
        {
            output.WriteLine(Invariant($"  {change.DataIndex,6}  {change.Kind,-9} {change.Before} -> {change.After}"));
        }

        if (c.Changes.Count > maxChanges)
        {
            output.WriteLine($"  … and {c.Changes.Count - maxChanges} more (--json lists all)");
        }
    }

    private static string Number(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Signed(double? value) => value?.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) ?? "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
