using System.CommandLine;
using K2Verifier.Baselines;
using K2Verifier.EarlyStop;
using K2Verifier.Gates;

namespace K2Verifier.Cli.Commands;

/// <summary><c>--early-stop</c>, <c>--confidence</c> and <c>--order-seed</c> of <c>run</c>: decide the gates before every request is sent.</summary>
internal sealed class EarlyStopOptions
{
    public Option<bool> EarlyStop { get; } = new("--early-stop") { Description = "Send requests in a seeded random order and stop once every --gate is decided at --confidence (anytime-valid confidence sequences)." };

    public Option<double> Confidence { get; } = new("--confidence") { Description = "With --early-stop: the probability that every early verdict equals the full run's.", DefaultValueFactory = _ => 0.95 };

    public Option<int> OrderSeed { get; } = new("--order-seed") { Description = "With --early-stop: seeds the random request order.", DefaultValueFactory = _ => 0 };

    public IEnumerable<Option> All => [EarlyStop, Confidence, OrderSeed];

    /// <summary>The monitor when <c>--early-stop</c> was given; problems are appended.</summary>
    public EarlyStopMonitor? Bind(ParseResult parseResult, IReadOnlyList<GateExpression> gates, Baseline? baseline, List<string> problems)
    {
        if (!parseResult.GetValue(EarlyStop))
        {
            return null;
        }

        var confidence = parseResult.GetValue(Confidence);
        var found = EarlyStopMonitor.Problems(gates, baseline, confidence).ToList();
        problems.AddRange(found);
        return found.Count == 0 ? new EarlyStopMonitor(gates, baseline, confidence, parseResult.GetValue(OrderSeed)) : null;
    }
}
