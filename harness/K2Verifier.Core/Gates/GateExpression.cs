using System.Globalization;
using System.Text.RegularExpressions;

namespace K2Verifier.Gates;

/// <summary>A release gate such as <c>tool_call_f1&gt;=0.80</c>: a metric name, a comparison and a number.</summary>
public sealed partial record GateExpression(string Text, string Metric, string Operator, double Threshold)
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> with an example when it is not a gate.</summary>
    public static GateExpression Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success || !double.TryParse(match.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold))
        {
            throw new FormatException($"--gate \"{text}\" is not a gate: write METRIC OP NUMBER, e.g. tool_call_f1>=0.80 (OP is one of >=, <=, >, <, ==, !=)");
        }

        return new GateExpression(text.Trim(), match.Groups["metric"].Value, match.Groups["op"].Value, threshold);
    }

    /// <summary>True when <paramref name="actual"/> satisfies the gate.</summary>
    public bool IsSatisfiedBy(double actual) => Operator switch
    {
        ">=" => actual >= Threshold,
        "<=" => actual <= Threshold,
        ">" => actual > Threshold,
        "<" => actual < Threshold,
        "==" => Math.Abs(actual - Threshold) < 1e-9,
        "!=" => Math.Abs(actual - Threshold) >= 1e-9,
        _ => false,
    };

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_.\-]*)\s*(?<op>>=|<=|==|!=|>|<)\s*(?<value>[-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*$")]
    private static partial Regex Pattern();
}
