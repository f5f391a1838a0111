using System.Text.Json;
using System.Text.RegularExpressions;
using K2Verifier.Datasets.Generation.Catalog;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Datasets.Tests.Infrastructure;
using K2Verifier.Validation;

namespace K2Verifier.Datasets.Tests.Generation;

public sealed class ToolCatalogTests
{
    [Fact]
    public void All_Size_AtLeast60ToolsIn12DomainsWithUniqueLegalNames()
    {
        // Act
        var tools = ToolCatalog.All;

        // Assert
        Assert.True(tools.Count >= 60, $"{tools.Count} tools");
        Assert.True(ToolCatalog.Domains.Count >= 12, $"{ToolCatalog.Domains.Count} domains");
        Assert.Equal(tools.Count, tools.Select(t => t.Name).Distinct().Count());
        Assert.All(tools, t => Assert.Matches("^[a-zA-Z0-9_-]{1,64}$", t.Name));
        Assert.All(tools, t => Assert.NotEmpty(t.Examples));
    }

    [Fact]
    public void All_Schemas_ValidForOurValidatorAndEveryExampleArgumentsValid()
    {
        foreach (var tool in ToolCatalog.All)
        {
            // Arrange
            using var schema = JsonDocument.Parse(tool.ParametersJson);

            // Act
            var compiled = JsonSchemaValidator.Default.Compile(schema.RootElement);

            // Assert
            Assert.True(compiled.IsSchemaValid, $"{tool.Name}: {string.Join("; ", compiled.SchemaErrors.Select(e => e.Message))}");
            foreach (var example in tool.Examples)
            {
                using var arguments = JsonDocument.Parse(example.ArgumentsJson);
                var result = compiled.Validate(arguments.RootElement);
                Assert.True(result.IsValid, $"{tool.Name} {example.ArgumentsJson}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
                using var _ = JsonDocument.Parse(example.Result);
            }
        }
    }

    [Theory]
    [InlineData("\"$defs\"")]
    [InlineData("\"$ref\"")]
    [InlineData("\"oneOf\"")]
    [InlineData("\"anyOf\"")]
    [InlineData("\"additionalProperties\":false")]
    [InlineData("\"type\":[\"string\",\"null\"]")]
    [InlineData("\"pattern\"")]
    [InlineData("\"format\"")]
    [InlineData("\"default\"")]
    [InlineData("\"enum\"")]
    [InlineData("\"minimum\"")]
    [InlineData("\"description\"")]
    [InlineData("\"items\":{\"type\":\"object\"")]
    public void All_Schemas_UseRealWorldFeature(string feature)
    {
        // Act
        var users = ToolCatalog.All.Count(t => t.ParametersJson.Contains(feature, StringComparison.Ordinal));

        // Assert
        Assert.True(users >= 1, $"no schema uses {feature}");
    }

    [JsonSchemaOracleFact]
    public void All_Schemas_AcceptedByPythonJsonSchemaWithExamplesValid()
    {
        // Arrange
        var input = string.Join("\n", ToolCatalog.All.SelectMany(t => t.Examples.Select(e => $"{{\"schema\":{t.ParametersJson},\"instance\":{e.ArgumentsJson}}}")));
        const string Script = """
            import sys, json, jsonschema
            bad = 0
            for line in sys.stdin:
                case = json.loads(line)
                cls = jsonschema.validators.validator_for(case["schema"])
                cls.check_schema(case["schema"], format_checker=cls.FORMAT_CHECKER)
                errors = list(cls(case["schema"]).iter_errors(case["instance"]))
                bad += len(errors)
            print(bad)
            """;

        // Act
        var output = PythonOracle.Run(Script, input);

        // Assert
        Assert.Equal("0", output.Trim());
    }

    [Fact]
    public void CatalogSources_NoCultureOrHashDependentApis()
    {
        // Arrange
        var folder = Path.Combine(RepositoryPaths.Root, "datasets", "K2Verifier.Datasets", "Generation");
        var sources = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Select(File.ReadAllText);

        // Act
        var offenders = sources.Where(s => Regex.IsMatch(s, @"new Random\(|\.GetHashCode\(|DateTime\.Now|CurrentCulture")).ToList();

        // Assert
        Assert.Empty(offenders);
    }
}
