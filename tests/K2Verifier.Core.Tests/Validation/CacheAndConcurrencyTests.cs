using System.Text.Json;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Validation;

public sealed class CacheAndConcurrencyTests
{
    [Fact]
    public void Compile_SameSchemaContentFromDifferentDocuments_ReturnsTheCachedInstance()
    {
        var validator = new JsonSchemaValidator();
        using var first = JsonDocument.Parse("""{"type": "string"}""");
        using var second = JsonDocument.Parse("""{"tools": [{"type": "string"}]}""");

        var a = validator.Compile(first.RootElement);
        var b = validator.Compile(second.RootElement.GetProperty("tools")[0]);

        Assert.Same(a, b);
        Assert.Equal(1, validator.CachedSchemaCount);
    }

    [Fact]
    public void Compile_BeyondCapacity_StaysBounded()
    {
        var validator = new JsonSchemaValidator(new JsonSchemaValidatorOptions { CacheCapacity = 8 });

        for (var i = 0; i < 50; i++)
        {
            using var schema = JsonDocument.Parse($$"""{"maximum": {{i}}}""");
            validator.Compile(schema.RootElement);
        }

        Assert.InRange(validator.CachedSchemaCount, 1, 8);
    }

    [Fact]
    public void Compile_OutlivesTheSchemaDocument()
    {
        var validator = new JsonSchemaValidator();
        CompiledSchema compiled;
        using (var schema = JsonDocument.Parse("""{"properties": {"a": {"enum": ["x"]}}}"""))
        {
            compiled = validator.Compile(schema.RootElement);
        }

        using var instance = JsonDocument.Parse("""{"a": "y"}""");
        Assert.Equal(SchemaVerdict.Invalid, compiled.Validate(instance.RootElement).Verdict);
    }

    [Fact]
    public void Validate_ConcurrentCallsOnSharedValidator_AllAgree()
    {
        var validator = new JsonSchemaValidator();
        var schemas = Enumerable.Range(0, 20).Select(i => JsonDocument.Parse($$"""{"type": "object", "required": ["k{{i}}"], "properties": {"k{{i}}": {"type": "integer", "minimum": {{i}}""" + "}}}")).ToList();
        var failures = 0;

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, n =>
        {
            var i = n % 20;
            using var valid = JsonDocument.Parse($$"""{"k{{i}}": {{i}}}""");
            using var invalid = JsonDocument.Parse($$"""{"k{{i}}": {{i - 1}}}""");
            if (!validator.Validate(schemas[i].RootElement, valid.RootElement).IsValid ||
                validator.Validate(schemas[i].RootElement, invalid.RootElement).Verdict != SchemaVerdict.Invalid)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
        Assert.Equal(20, validator.CachedSchemaCount);
        schemas.ForEach(s => s.Dispose());
    }
}
