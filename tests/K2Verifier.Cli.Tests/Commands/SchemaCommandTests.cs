using System.Text.Json;
using K2Verifier.Cli.Tests.Infrastructure;
using K2Verifier.Tests.Support;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class SchemaCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-schema-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Validate_MixedLines_OneVerdictLinePerInputLineInOrder()
    {
        var cases = Write(
            """{"schema": {"type": "object", "required": ["a"]}, "instance": {"a": 1}}""",
            """{"schema": {"type": "object", "required": ["a"]}, "instance": {}}""",
            "",
            """{"schema": {"type": "dict"}, "instance": {}}""",
            """{"schema": {"type": "string"}, "instance": """,
            """{"schema": {"type": "integer"}}""",
            """{"schema": {"pattern": "\\p{L}"}, "instance": "x"}""");

        var (exitCode, output, error) = await CliRunner.RunAsync("schema", "validate", "--cases", cases);

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, lines.Count);
        AssertVerdict(lines[0], true, null);
        AssertVerdict(lines[1], false, "schema_violation");
        var violation = lines[1].GetProperty("errors")[0];
        Assert.Equal(string.Empty, violation.GetProperty("instancePath").GetString());
        Assert.Equal("/required", violation.GetProperty("keywordPath").GetString());
        Assert.Equal("'a' is a required property", violation.GetProperty("message").GetString());
        AssertVerdict(lines[2], false, "invalid_schema");
        AssertVerdict(lines[3], false, "bad_input");
        Assert.StartsWith($"{cases}:5: not JSON", lines[3].GetProperty("errors")[0].GetProperty("message").GetString());
        AssertVerdict(lines[4], false, "bad_input");
        Assert.Equal($"{cases}:6: missing \"instance\"", lines[4].GetProperty("errors")[0].GetProperty("message").GetString());
        AssertVerdict(lines[5], false, "invalid_schema");
    }

    [Fact]
    public async Task Validate_NestedViolation_ReportsInstanceAndKeywordPaths()
    {
        var cases = Write("""{"schema": {"properties": {"items": {"type": "array", "items": {"type": "string"}}}}, "instance": {"items": ["a", 3]}}""");

        var (_, output, _) = await CliRunner.RunAsync("schema", "validate", "--cases", cases);

        var error = JsonDocument.Parse(output).RootElement.GetProperty("errors")[0];
        Assert.Equal("/items/1", error.GetProperty("instancePath").GetString());
        Assert.Equal("/properties/items/items/type", error.GetProperty("keywordPath").GetString());
        Assert.Equal("3 is not of type 'string'", error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Validate_Draft7Field_UsesDraft7ForSchemasWithoutSchemaKeyword()
    {
        // In draft-07, $ref overrides its siblings, so the sibling "type" is ignored.
        var cases = Write(
            """{"draft": "draft7", "schema": {"definitions": {"a": {}}, "$ref": "#/definitions/a", "type": "string"}, "instance": 5}""",
            """{"schema": {"$defs": {"a": {}}, "$ref": "#/$defs/a", "type": "string"}, "instance": 5}""");

        var (_, output, _) = await CliRunner.RunAsync("schema", "validate", "--cases", cases);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        AssertVerdict(lines[0], true, null);
        AssertVerdict(lines[1], false, "schema_violation");
    }

    [Fact]
    public async Task Validate_MissingFile_ExitsWithUsageErrorNamingTheFile()
    {
        var missing = Path.Combine(_directory, "nope.jsonl");

        var (exitCode, output, error) = await CliRunner.RunAsync("schema", "validate", "--cases", missing);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains(missing, error);
    }

    [Fact]
    public async Task Validate_WithoutCasesOption_IsAUsageError()
    {
        var (exitCode, _, error) = await CliRunner.RunAsync("schema", "validate");

        Assert.Equal(2, exitCode);
        Assert.Contains("--cases", error);
    }

    private static void AssertVerdict(JsonElement line, bool valid, string? category)
    {
        Assert.Equal(valid, line.GetProperty("valid").GetBoolean());
        Assert.Equal(category, line.GetProperty("category").GetString());
        Assert.Equal(valid, line.GetProperty("errors").GetArrayLength() == 0);
    }

    private string Write(params string[] lines)
    {
        var path = Path.Combine(_directory, "cases.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
