using System.Globalization;
using K2Verifier.Common;
using K2Verifier.Gates;

namespace K2Verifier.Cli.Commands;

/// <summary>Prints the gate table and turns the verdicts into the exit code.</summary>
internal static class GateReport
{
    public static int Finish(IReadOnlyList<GateResult> results, TextWriter output)
    {
        if (results.Count == 0)
        {
            return (int)ExitCode.Ok;
        }

        output.WriteLine();
        output.WriteLine("gates");
        var width = results.Max(r => r.Gate.Text.Length);
        foreach (var result in results)
        {
            var actual = result.Actual?.ToString("0.######", CultureInfo.InvariantCulture) ?? "undefined";
            output.WriteLine($"  {(result.Passed ? "PASS" : "FAIL")}  {result.Gate.Text.PadRight(width)}  actual {actual}{(result.Note is null ? "" : $"  ({result.Note})")}");
        }

        var failed = results.Count(r => !r.Passed);
        output.WriteLine(failed == 0 ? $"  all {results.Count} gates passed" : $"  {failed} of {results.Count} gates failed");
        return failed == 0 ? (int)ExitCode.Ok : (int)ExitCode.GateFailed;
    }
}
