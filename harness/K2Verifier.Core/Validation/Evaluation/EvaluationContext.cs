using System.Text.Json;
using K2Verifier.Validation.Json;

namespace K2Verifier.Validation.Evaluation;

/// <summary>
/// The mutable state of one validation: whether errors are collected (the second, slow pass after a failure),
/// the instance and keyword paths while collecting, the dynamic scope, recursion depth, and schema faults found
/// while evaluating (an unresolvable reference, a $ref cycle).
/// </summary>
internal sealed class EvaluationContext
{
    private const int MaxDepth = 256;
    private readonly List<string> _instancePath;
    private readonly List<string> _keywordPath;
    private static readonly List<string> NoPath = [];
    private int _depth;

    public EvaluationContext(bool collectErrors, bool assertRegexFormat, bool trackDynamicScope)
    {
        CollectErrors = collectErrors;
        AssertRegexFormat = assertRegexFormat;
        TrackDynamicScope = trackDynamicScope;
        Errors = collectErrors ? [] : null;
        _instancePath = collectErrors ? [] : NoPath;
        _keywordPath = collectErrors ? [] : NoPath;
    }

    /// <summary>True in the error-collecting pass; paths are only maintained then.</summary>
    public bool CollectErrors { get; }

    /// <summary>Asserts <c>"format": "regex"</c> (used for the metaschema check, as python's check_schema does).</summary>
    public bool AssertRegexFormat { get; }

    public bool TrackDynamicScope { get; }

    public DynamicScope? Scope { get; set; }

    public List<ValidationIssue>? Errors { get; }

    /// <summary>Set when the schema turned out to be unusable while evaluating it (the verdict becomes InvalidSchema).</summary>
    public ValidationIssue? SchemaFault { get; private set; }

    /// <summary>Errors are being discarded (inside anyOf, not, if, contains): stop at the first failure.</summary>
    public int Suppressed { get; set; }

    public bool ShortCircuit => !CollectErrors || Suppressed > 0;

    public bool Enter()
    {
        if (++_depth > MaxDepth)
        {
            Fault(string.Empty, "$ref", "maximum recursion depth exceeded (a $ref cycle that never consumes the instance)");
            _depth--;
            return false;
        }

        return true;
    }

    public void Leave() => _depth--;

    public void PushInstance(string segment)
    {
        if (CollectErrors)
        {
            _instancePath.Add(segment);
        }
    }

    public void PushInstance(int index)
    {
        if (CollectErrors)
        {
            _instancePath.Add(index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void PopInstance()
    {
        if (CollectErrors)
        {
            _instancePath.RemoveAt(_instancePath.Count - 1);
        }
    }

    public void PushKeyword(string segment)
    {
        if (CollectErrors)
        {
            _keywordPath.Add(segment);
        }
    }

    public void PushKeyword(string segment, string child)
    {
        if (CollectErrors)
        {
            _keywordPath.Add(segment);
            _keywordPath.Add(child);
        }
    }

    public void PopKeyword(int count = 1)
    {
        if (CollectErrors)
        {
            _keywordPath.RemoveRange(_keywordPath.Count - count, count);
        }
    }

    /// <summary>True when errors are recorded: check it before building a message.</summary>
    public bool ReportErrors => CollectErrors && Suppressed == 0;

    /// <summary>Records an error for <paramref name="keyword"/> (null: the schema itself, e.g. a false schema).</summary>
    public void AddError(string? keyword, string message)
    {
        if (ReportErrors)
        {
            Errors!.Add(new ValidationIssue(JsonPointer.Format(_instancePath), KeywordPointer(keyword), message));
        }
    }

    public static string Repr(JsonElement element) => PyRepr.Of(element);

    /// <summary>Records a schema fault (first one wins); evaluation treats it as a failure.</summary>
    public void Fault(string instancePointer, string? keyword, string message) =>
        SchemaFault ??= new ValidationIssue(CollectErrors ? JsonPointer.Format(_instancePath) : instancePointer, KeywordPointer(keyword), message);

    private string KeywordPointer(string? keyword)
    {
        var path = JsonPointer.Format(_keywordPath);
        return keyword is null ? path : path + "/" + JsonPointer.Escape(keyword);
    }
}
