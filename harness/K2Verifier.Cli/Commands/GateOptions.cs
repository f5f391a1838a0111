using System.CommandLine;
using K2Verifier.Cli.Parsing;
using K2Verifier.Gates;

namespace K2Verifier.Cli.Commands;

/// <summary><c>--gate EXPR</c> (repeatable) and <c>--junit FILE</c>, shared by run, score and compare.</summary>
internal sealed class GateOptions
{
    public Option<string[]> Gate { get; } = new("--gate")
    {
        Description = "A release gate METRIC OP NUMBER, e.g. 'tool_call_f1>=0.80' (repeatable). A failed gate exits 1.",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> Junit { get; } = new("--junit") { Description = "Write JUnit XML: one testcase per gate, one per failed or invalid request." };

    public void AddTo(Command command)
    {
        command.Options.Add(Gate);
        command.Options.Add(Junit);
    }

    /// <summary>Parses the gates; an unknown metric or a malformed gate is a usage error listing the valid names.</summary>
    public IReadOnlyList<GateExpression> Bind(ParseResult parseResult, Func<string, bool> isKnown, IReadOnlyList<string> names)
    {
        var gates = new List<GateExpression>();
        foreach (var text in parseResult.GetValue(Gate) ?? [])
        {
            try
            {
                gates.Add(GateExpression.Parse(text));
            }
            catch (FormatException ex)
            {
                throw new UsageException(ex.Message, ex);
            }
        }

        var unknown = GateEvaluator.UnknownMetrics(gates, isKnown);
        if (unknown.Count > 0)
        {
            var suggestions = unknown.Select(u => (Name: u, Closest: Suggestions.Closest(u, names)))
                .Select(x => x.Closest.Count == 0 ? $"'{x.Name}'" : $"'{x.Name}' (did you mean '{string.Join("' or '", x.Closest)}'?)");
            throw new UsageException($"unknown metric {string.Join(", ", suggestions)} in --gate; the metric names are listed in docs/scoring-and-gates.md");
        }

        return gates;
    }
}
