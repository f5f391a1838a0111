using System.Text.Json;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>
/// A scripted schema validator for tests of the layers above validation: a schema with <c>"x-invalid": true</c> is an
/// invalid schema; an instance that is not an object, or has a property <c>"bad"</c>, breaks the schema.
/// </summary>
internal sealed class FakeSchemaValidator : IJsonSchemaValidator
{
    public int Calls { get; private set; }

    public SchemaValidationResult Validate(JsonElement schema, JsonElement instance)
    {
        Calls++;
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("x-invalid", out _))
        {
            return new SchemaValidationResult(SchemaVerdict.InvalidSchema, [new ValidationIssue("", "/x-invalid", "schema is invalid")]);
        }

        if (instance.ValueKind != JsonValueKind.Object)
        {
            return new SchemaValidationResult(SchemaVerdict.Invalid, [new ValidationIssue("", "/type", $"{instance} is not of type 'object'")]);
        }

        return instance.TryGetProperty("bad", out _)
            ? new SchemaValidationResult(SchemaVerdict.Invalid, [new ValidationIssue("/bad", "/properties/bad/type", "bad is bad")])
            : SchemaValidationResult.Valid;
    }
}
