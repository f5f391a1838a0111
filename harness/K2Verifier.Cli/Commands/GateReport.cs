using System.Globalization;
using K2Verifier.Common;
using K2Verifier.Gates;

namespace K2Verifier.Cli.Commands;

/// <summary>Prints the gate table and turns the verdicts into the exit code.</summary>
internal static class GateReport
{
    /// <summary>Prints the gates to <paramref name="output"/>; 0 all passed, 1 one failed, 2 one cannot be evaluated (said on <paramref name="error"/>).</summary>
    public static int Finish(IReadOnlyList<GateResult> results, TextWriter output, TextWriter? error = null)
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
            var verdict = result.Verdict switch { "pass" => "PASS", "fail" => "FAIL", _ => "N/A " };
            output.WriteLine($"  {verdict}  {result.Gate.Text.PadRight(width)}  actual {actual}{(result.Note is null ? "" : $"  ({result.Note})")}");
        }

        var failed = results.Count(r => r.Evaluable && !r.Passed);
        var unevaluable = results.Where(r => !r.Evaluable).ToList();
        output.WriteLine(failed + unevaluable.Count == 0 ? $"  all {results.Count} gates passed" : $"  {failed} of {results.Count} gates failed{(unevaluable.Count > 0 ? $", {unevaluable.Count} cannot be evaluated" : "")}");
        return Code(results, error);
    }

    /// <summary>The exit code of the verdicts: 2 when a gate cannot be evaluated (each said on <paramref name="error"/>), else 1 when one failed, else 0.</summary>
    public static int Code(IReadOnlyList<GateResult> results, TextWriter? error = null)
    {
        var unevaluable = results.Where(r => !r.Evaluable).ToList();
        foreach (var result in unevaluable)
        {
            error?.WriteLine($"error: gate '{result.Gate.Text}' cannot be evaluated: {result.Note}");
        }

        return unevaluable.Count > 0 ? (int)ExitCode.UsageError : results.Any(r => !r.Passed) ? (int)ExitCode.GateFailed : (int)ExitCode.Ok;
    }
}
