using System.Text.Json;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Validation;

internal static class SchemaTestHelper
{
    public static SchemaValidationResult Validate(string schema, string instance, JsonSchemaValidator? validator = null)
    {
        using var schemaDocument = JsonDocument.Parse(schema);
        using var instanceDocument = JsonDocument.Parse(instance);
        return (validator ?? JsonSchemaValidator.Default).Validate(schemaDocument.RootElement, instanceDocument.RootElement);
    }
}
