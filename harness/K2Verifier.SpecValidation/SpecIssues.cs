using Json.Schema;
using K2Verifier.Validation;

namespace K2Verifier.SpecValidation;

/// <summary>JsonSchema.Net's list output as the project's issues: instance pointer, keyword pointer (evaluation path + keyword), message.</summary>
internal static class SpecIssues
{
    public static IReadOnlyList<ValidationIssue> From(EvaluationResults results)
    {
        var nodes = results.Details is { Count: > 0 } details ? details.Prepend(results) : [results];
        IReadOnlyList<ValidationIssue> issues = [.. nodes
            .Where(n => n.Errors is { Count: > 0 })
            .SelectMany(n => n.Errors!.Select(e => new ValidationIssue(n.InstanceLocation.ToString(), $"{SchemaPointer(n)}/{e.Key}", e.Value)))];
        return issues.Count > 0 ? issues : [new ValidationIssue(string.Empty, string.Empty, "the instance is not valid under the schema")];
    }

    /// <summary>The pointer of the evaluated subschema inside its document (the schema location's fragment), else the evaluation path.</summary>
    private static string SchemaPointer(EvaluationResults node) =>
        node.SchemaLocation is { } location && location.Fragment.Length > 1
            ? Uri.UnescapeDataString(location.Fragment[1..])
            : node.EvaluationPath.ToString();
}
