using System.CommandLine;
using System.Text.Json;
using K2Verifier.Cli.Output;
using K2Verifier.Comparison;
using K2Verifier.Gates;
using K2Verifier.Reports.JUnit;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary><c>compare A B [--baseline FILE] [--gate EXPR]… [--junit FILE] [--json]</c>: what changed from run A to run B.</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var a = new Argument<string>("a") { Description = "The earlier results file (e.g. last night's)." };
        var b = new Argument<string>("b") { Description = "The later results file (e.g. tonight's)." };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON on stdout instead of the table." };
        var allowDisjoint = new Option<bool>("--allow-disjoint") { Description = "Compare runs that share no request (join by data_index although the requests differ); without it such a compare exits 2." };
        var baselineOptions = new BaselineOptions();
        var gateOptions = new GateOptions();
        var validatorOptions = new ValidatorOptions();
        var command = new Command("compare", "Per-request differences and metric deltas (with intervals) between two results files.") { a, b, json, allowDisjoint };
        baselineOptions.AddTo(command);
        gateOptions.AddTo(command);
        validatorOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var gates = gateOptions.Bind(parseResult, ComparisonMetrics.IsKnown, ComparisonMetrics.Names);
            var baseline = baselineOptions.Load(parseResult);
            var pathA = parseResult.GetValue(a)!;
            var pathB = parseResult.GetValue(b)!;
            foreach (var path in new[] { pathA, pathB })
            {
                if (!File.Exists(path))
                {
                    throw new UsageException($"results file not found: {path}");
                }
            }

            var scorer = new ResultsScorer(new CaseEvaluator(validatorOptions.Bind(parseResult)));
            void Warn(string problem) => console.Error.WriteLine($"warning: {problem}");
            var journalB = scorer.Read(pathB, Warn);
            var comparison = RunComparer.Compare(pathA, scorer.Read(pathA, Warn).Outcomes, pathB, journalB.Outcomes, baseline, parseResult.GetValue(allowDisjoint));
            if (comparison.IsDisjoint && !parseResult.GetValue(allowDisjoint))
            {
                throw new UsageException($"{pathA} and {pathB} share no request: {comparison.DifferentRequests.Count} data_index value(s) in common hold different requests (messages, tools, tool_choice), {comparison.OnlyInA.Count} are only in A, {comparison.OnlyInB.Count} only in B. They ran different datasets; pass --allow-disjoint to compare them by data_index anyway");
            }

            if (comparison.DifferentRequests.Count > 0)
            {
                await console.Error.WriteLineAsync($"warning: {comparison.DifferentRequests.Count} data_index value(s) hold different requests in A and B {(parseResult.GetValue(allowDisjoint) ? ", compared by data_index anyway (--allow-disjoint)" : " and are left out of the comparison")}").ConfigureAwait(false);
            }
            var verdicts = GateEvaluator.Evaluate(gates, ComparisonMetrics.Flatten(comparison), unavailable: name => ComparisonMetrics.Unavailable(comparison, name));
            if (parseResult.GetValue(json))
            {
                var document = ResultsPipeline.Document(JsonSerializer.SerializeToNode(comparison, ComparisonJsonContext.Printed.RunComparison)!.AsObject(), verdicts);
                await console.Out.WriteLineAsync(document.ToJsonString(ComparisonPrinter.JsonOptions)).ConfigureAwait(false);
            }
            else
            {
                ComparisonPrinter.Print(comparison, console.Out);
            }

            if (parseResult.GetValue(gateOptions.Junit) is { } junit)
            {
                await ComparisonJUnitExporter.WriteAsync(junit, $"k2verifier compare {pathA} {pathB}", verdicts, comparison, journalB.Outcomes, cancellationToken).ConfigureAwait(false);
                await console.Error.WriteLineAsync($"wrote {junit}").ConfigureAwait(false);
            }

            return GateReport.Finish(verdicts, parseResult.GetValue(json) ? console.Error : console.Out, console.Error);
        });
        return command;
    }
}
