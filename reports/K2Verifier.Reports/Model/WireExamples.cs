using System.Globalization;
using K2Verifier.Wire;

namespace K2Verifier.Reports.Model;

/// <summary>Example requests per wire code, for the report's "Wire conformance" section.</summary>
public static class WireExamples
{
    /// <summary>How many example requests a report names per code and run.</summary>
    public const int PerCode = 3;

    /// <summary>The first <see cref="PerCode"/> rows of <paramref name="run"/> with a finding of <paramref name="code"/>, each with that finding.</summary>
    public static IReadOnlyList<(ReportRow Row, WireFinding Finding)> Of(ReportRun run, string code)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Rows
            .Select(r => (Row: r, Finding: r.WireFindings.FirstOrDefault(f => f.Code == code)))
            .Where(x => x.Finding is not null)
            .Take(PerCode)
            .Select(x => (x.Row, x.Finding!))];
    }

    /// <summary>One line for a finding: <c>wire code (severity) at field, chunk N: excerpt</c>.</summary>
    public static string Describe(WireFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return $"wire {finding.Code} ({finding.Severity}) {Evidence(finding)}".TrimEnd();
    }

    /// <summary>The evidence in a few words: <c>at field, chunk N: excerpt</c>.</summary>
    public static string Evidence(WireFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var text = finding.Field is null ? string.Empty : $"at {finding.Field}";
        if (finding.Chunk is { } chunk)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"{(text.Length == 0 ? "" : ", ")}chunk {chunk}");
        }

        return finding.Excerpt is null ? text : $"{text}: {finding.Excerpt}".TrimStart(' ', ':');
    }
}
