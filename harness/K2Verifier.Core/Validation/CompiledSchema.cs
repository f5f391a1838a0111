using System.Text.Json;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation;

/// <summary>
/// A schema checked against its metaschema and compiled once; validate many instances with it (thread-safe).
/// An invalid schema compiles to an instance whose every validation is <see cref="SchemaVerdict.InvalidSchema"/>.
/// </summary>
public sealed class CompiledSchema
{
    private readonly SchemaNode? _root;
    private readonly SchemaValidationResult? _invalid;
    private readonly bool _assertRegexFormat;
    private readonly bool _trackDynamicScope;

    private CompiledSchema(SchemaDraft draft, SchemaNode? root, SchemaValidationResult? invalid, bool assertRegexFormat, bool trackDynamicScope)
    {
        Draft = draft;
        _root = root;
        _invalid = invalid;
        _assertRegexFormat = assertRegexFormat;
        _trackDynamicScope = trackDynamicScope;
    }

    /// <summary>The draft the schema is evaluated under.</summary>
    public SchemaDraft Draft { get; }

    /// <summary>False when the schema failed its metaschema (or could not be compiled).</summary>
    public bool IsSchemaValid => _invalid is null;

    /// <summary>Why the schema is invalid (empty when it is valid).</summary>
    public IReadOnlyList<ValidationIssue> SchemaErrors => _invalid?.Errors ?? [];

    internal static CompiledSchema Valid(SchemaDraft draft, SchemaNode root, bool assertRegexFormat, bool trackDynamicScope) =>
        new(draft, root, null, assertRegexFormat, trackDynamicScope);

    internal static CompiledSchema Invalid(SchemaDraft draft, IReadOnlyList<ValidationIssue> errors) =>
        new(draft, null, new SchemaValidationResult(SchemaVerdict.InvalidSchema, errors), false, false);

    /// <summary>Validates <paramref name="instance"/>; allocation-light when it is valid.</summary>
    public SchemaValidationResult Validate(JsonElement instance)
    {
        if (_invalid is not null)
        {
            return _invalid;
        }

        var fast = new EvaluationContext(collectErrors: false, _assertRegexFormat, _trackDynamicScope);
        var valid = _root!.Evaluate(instance, fast, null);
        if (fast.SchemaFault is { } fault)
        {
            return new SchemaValidationResult(SchemaVerdict.InvalidSchema, [fault]);
        }

        if (valid)
        {
            return SchemaValidationResult.Valid;
        }

        var slow = new EvaluationContext(collectErrors: true, _assertRegexFormat, _trackDynamicScope);
        _root.Evaluate(instance, slow, null);
        if (slow.SchemaFault is { } slowFault)
        {
            return new SchemaValidationResult(SchemaVerdict.InvalidSchema, [slowFault]);
        }

        IReadOnlyList<ValidationIssue> errors = slow.Errors is { Count: > 0 } found
            ? found
            : [new ValidationIssue(string.Empty, string.Empty, "the instance is not valid under the schema")];
        return new SchemaValidationResult(SchemaVerdict.Invalid, errors);
    }
}
