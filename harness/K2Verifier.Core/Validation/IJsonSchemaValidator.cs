using System.Text.Json;

namespace K2Verifier.Validation;

/// <summary>
/// Validates a JSON instance against a JSON Schema the way python-jsonschema's <c>validate(instance, schema)</c>
/// does (K2-Vendor-Verifier's reference): the schema is checked against its metaschema first, and an invalid
/// schema is a verdict of its own, never a pass. The one extension point for schema validation, so a served
/// library could replace ours.
/// </summary>
public interface IJsonSchemaValidator
{
    /// <summary>Validates <paramref name="instance"/> against <paramref name="schema"/> (compiled once and cached by content).</summary>
    SchemaValidationResult Validate(JsonElement schema, JsonElement instance);
}
