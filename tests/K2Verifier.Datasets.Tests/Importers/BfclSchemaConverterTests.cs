using System.Text.Json.Nodes;
using K2Verifier.Datasets.Importers;

namespace K2Verifier.Datasets.Tests.Importers;

public sealed class BfclSchemaConverterTests
{
    [Theory]
    [InlineData("dict", "\"type\":\"object\"")]
    [InlineData("float", "\"type\":\"number\"")]
    [InlineData("tuple", "\"type\":\"array\"")]
    [InlineData("long", "\"type\":\"integer\"")]
    [InlineData("String", "\"type\":\"string\"")]
    [InlineData("Boolean", "\"type\":\"boolean\"")]
    [InlineData("integer", "\"type\":\"integer\"")]
    [InlineData("any", "{\"description\":\"d\"}")]
    public void Convert_PropertyType_MappedToJsonSchema(string bfclType, string expected)
    {
        // Arrange
        var parameters = JsonNode.Parse("""{"type":"dict","properties":{"p":{"type":"T","description":"d"}}}""".Replace("\"T\"", $"\"{bfclType}\"", StringComparison.Ordinal))!.AsObject();

        // Act
        var converted = BfclSchemaConverter.Convert(parameters);

        // Assert
        Assert.Contains(expected, converted["properties"]!["p"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("object", converted["type"]!.GetValue<string>());
    }

    [Fact]
    public void Convert_NestedItemsOptionalAndPropertyNamedType_HandledAsSchemaNotKeyword()
    {
        // Arrange
        var parameters = JsonNode.Parse("""{"type":"dict","properties":{"type":{"type":"String","optional":true},"xs":{"type":"ArrayList","items":{"type":"float"}}},"required":["type"]}""")!.AsObject();

        // Act
        var converted = BfclSchemaConverter.Convert(parameters).ToJsonString();

        // Assert
        Assert.Equal("""{"type":"object","properties":{"type":{"type":"string"},"xs":{"type":"array","items":{"type":"number"}}},"required":["type"]}""", converted);
    }
}
