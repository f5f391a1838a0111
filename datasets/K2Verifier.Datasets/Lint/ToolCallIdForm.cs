using System.Text.RegularExpressions;

namespace K2Verifier.Datasets.Lint;

/// <summary>Kimi's official tool-call id form <c>functions.NAME:IDX</c>, as its chat template and parsers expect.</summary>
public static partial class ToolCallIdForm
{
    /// <summary>True when <paramref name="id"/> is <c>functions.NAME:IDX</c> with NAME = <paramref name="functionName"/>.</summary>
    public static bool IsCanonical(string id, string functionName)
    {
        ArgumentNullException.ThrowIfNull(id);
        var match = CanonicalPattern().Match(id);
        return match.Success && string.Equals(match.Groups["name"].Value, functionName, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^functions\.(?<name>[^:]+):(?<index>[0-9]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalPattern();
}
