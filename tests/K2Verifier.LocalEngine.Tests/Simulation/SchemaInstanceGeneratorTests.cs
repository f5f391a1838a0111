using System.Text.Json;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Validation;

namespace K2Verifier.LocalEngine.Tests.Simulation;

public sealed class SchemaInstanceGeneratorTests
{
    [Fact]
    public void Generate_EveryToolOfK2v4000_ValidatesAgainstItsSchema()
    {
        var tools = SimulationFixtures.Tools();
        Assert.True(tools.Count >= 60);
        var failures = new List<string>();
        foreach (var (name, schema) in tools)
        {
            var instance = SchemaInstanceGenerator.Generate(schema)!.ToJsonString();
            using var document = JsonDocument.Parse(instance);
            var result = JsonSchemaValidator.Default.Validate(schema, document.RootElement);
            if (!result.IsValid)
            {
                failures.Add($"{name}: {instance} {string.Join("; ", result.Errors)}");
            }
        }

        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("^[A-Z]{3}$", "AAA")]
    [InlineData("^ORD-[0-9]{8}$", "ORD-00000000")]
    [InlineData(@"^([01]\d|2[0-3]):[0-5]\d$", "00:00")]
    [InlineData(@"^\+[1-9]\d{6,14}$", "+1000000")]
    [InlineData("^[a-z]{2}(-[A-Z]{2})?$", "aa")]
    public void PatternString_SimplePattern_ShortestMatch(string pattern, string expected) =>
        Assert.Equal(expected, PatternString.Generate(pattern));

    [Fact]
    public void Generate_RefEnumAndBounds_FollowsThem()
    {
        using var schema = JsonDocument.Parse("""
            {"type":"object","required":["unit","count","where"],"properties":{
              "unit":{"enum":["c","f"]},"count":{"type":"integer","minimum":3,"maximum":9},
              "where":{"$ref":"#/$defs/place"},"optional":{"type":"string"}},
             "$defs":{"place":{"type":"object","required":["city"],"properties":{"city":{"type":"string","minLength":2}}}}}
            """);

        var instance = SchemaInstanceGenerator.Generate(schema.RootElement)!.ToJsonString();

        Assert.Equal("""{"unit":"c","count":3,"where":{"city":"example"}}""", instance);
    }
}
