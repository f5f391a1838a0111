using System.Globalization;
using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Cli.Output;

/// <summary>Prints the result of <c>score --cross-check</c>: the count per reason class, then the calls (the first 50).</summary>
internal static class CrossCheckPrinter
{
    private const int Listed = 50;

    public static void Print(IReadOnlyList<ValidatorSensitiveCall> calls, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validator-sensitive calls (python vs spec): {calls.Count}"));
        foreach (var group in calls.GroupBy(c => c.Reason).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key,-22} {group.Count(),6}"));
        }

        foreach (var call in calls.Take(Listed))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  data_index {call.DataIndex} call {call.CallIndex} {call.ToolName}: python {call.Python}, spec {call.Spec} ({call.Reason}) {Cut(call.Detail)}"));
        }

        if (calls.Count > Listed)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  … and {calls.Count - Listed} more"));
        }
    }

    private static string Cut(string text) => text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
