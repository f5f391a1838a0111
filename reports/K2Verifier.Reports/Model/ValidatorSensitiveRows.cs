using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Reports.Model;

/// <summary>
/// The validator-sensitive calls of a report's runs (<c>score --cross-check</c>: calls whose verdict differs between the
/// python and the spec validator), for the Markdown and HTML sections; absent when no run was cross-checked.
/// </summary>
internal static class ValidatorSensitiveRows
{
    /// <summary>True when at least one run carries a cross-check.</summary>
    public static bool Any(ReportModel model) => model.Runs.Any(r => r.Summary.ValidatorSensitive is not null);

    /// <summary>Every sensitive call with its run's label, by run then data_index and call.</summary>
    public static IEnumerable<(string Run, ValidatorSensitiveCall Call)> Of(ReportModel model) =>
        model.Runs.SelectMany(r => (r.Summary.ValidatorSensitive ?? []).OrderBy(c => c.DataIndex).ThenBy(c => c.CallIndex).Select(c => (r.Label, c)));

    /// <summary>The section's introduction: what the table lists and where the classes are explained.</summary>
    public static string Intro(ReportModel model)
    {
        var count = Of(model).Count();
        return count == 0
            ? "Every tool call was validated both ways (python-jsonschema semantics and the JSON Schema specification): no verdict depends on the validator."
            : $"Tool calls whose verdict depends on the validator (python-jsonschema semantics, as K2VV, vs the JSON Schema specification): {count}. The reason classes are explained in docs/validation.md.";
    }
}
