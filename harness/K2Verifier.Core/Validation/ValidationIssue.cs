namespace K2Verifier.Validation;

/// <summary>One reason a validation failed.</summary>
/// <param name="InstanceLocation">JSON Pointer into the instance (<c>""</c> for the root, e.g. <c>/items/0/name</c>).</param>
/// <param name="KeywordLocation">JSON Pointer of the failing keyword in the schema, e.g. <c>/properties/items/items/required</c>.</param>
/// <param name="Message">A human-readable message in python-jsonschema's wording where there is one.</param>
public sealed record ValidationIssue(string InstanceLocation, string KeywordLocation, string Message)
{
    /// <summary>The last segment of <see cref="KeywordLocation"/>: the keyword that failed (e.g. <c>required</c>).</summary>
    public string Keyword
    {
        get
        {
            var slash = KeywordLocation.LastIndexOf('/');
            return slash < 0 ? KeywordLocation : KeywordLocation[(slash + 1)..];
        }
    }
}
