using System.Globalization;
using K2Verifier.Metrics;

namespace K2Verifier.Cli.Output;

/// <summary>Prints the key metrics of a repeated run: mean, min, max and the 95% interval of the mean.</summary>
internal static class RepeatPrinter
{
    private static readonly string[] Key = ["tool_call_f1", "tool_call_precision", "tool_call_recall", "schema_accuracy", "finish_tool_calls", "finish_stop", "failure_count"];

    public static void Print(RepeatSummary summary, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"across {summary.Repeats} runs");
        output.WriteLine($"  {"metric",-22}{"mean",10}{"min",10}{"max",10}  95% interval of the mean");
        foreach (var name in Key)
        {
            if (summary.Metrics.TryGetValue(name, out var stats) && stats is not null)
            {
                var interval = stats.MeanInterval is { } i ? string.Create(CultureInfo.InvariantCulture, $"[{i.Low:0.0000}, {i.High:0.0000}]") : "n/a";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-22}{stats.Mean,10:0.0000}{stats.Min,10:0.0000}{stats.Max,10:0.0000}  {interval}"));
            }
        }
    }
}
