using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Datasets.Importers;
using K2Verifier.Datasets.Tests.Infrastructure;
using K2Verifier.Json;
using K2Verifier.Validation;

namespace K2Verifier.Datasets.Tests.Importers;

public sealed class BfclImporterTests : IClassFixture<BfclImporterTests.Imported>
{
    private readonly Imported _imported;

    public BfclImporterTests(Imported imported) => _imported = imported;

    [Fact]
    public void ImportAsync_SharedRaw_ExpectationsEqualSharedLineForLine()
    {
        // Arrange
        var reference = File.ReadAllLines(RepositoryPaths.Shared("datasets", "bfcl", "expected.jsonl"));

        // Act
        var ours = File.ReadAllLines(Path.Combine(_imported.Output.Path, "expected.jsonl"));

        // Assert
        Assert.Equal(3641, _imported.Summary.Requests);
        Assert.Equal(reference.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            using var a = JsonDocument.Parse(ours[i]);
            using var b = JsonDocument.Parse(reference[i]);
            foreach (var field in new[] { "data_index", "category", "id", "expected_finish_reason", "expected_calls", "name_map" })
            {
                Assert.True(
                    Field(a.RootElement, field) == Field(b.RootElement, field),
                    $"line {i + 1} {field}: ours {Field(a.RootElement, field)}, shared {Field(b.RootElement, field)}");
            }
        }
    }

    [Fact]
    public void ImportAsync_SharedRaw_RequestsEqualSharedSamplesIncludingKeyOrder()
    {
        // Arrange
        var reference = File.ReadAllLines(RepositoryPaths.Shared("datasets", "bfcl", "samples.jsonl"));

        // Act
        var ours = File.ReadAllLines(Path.Combine(_imported.Output.Path, "samples.jsonl"));

        // Assert
        Assert.Equal(reference.Length, ours.Length);
        for (var i = 0; i < ours.Length; i++)
        {
            Assert.True(ours[i] == JsonText.Serialize(JsonNode.Parse(reference[i])), $"line {i + 1} differs from the shared conversion");
        }
    }

    [Fact]
    public void ImportAsync_SharedRaw_EverySchemaValidForOurValidator()
    {
        // Arrange
        var invalid = new List<string>();
        var count = 0;

        // Act
        foreach (var line in File.ReadLines(Path.Combine(_imported.Output.Path, "samples.jsonl")))
        {
            using var document = JsonDocument.Parse(line);
            if (!document.RootElement.TryGetProperty("tools", out var tools))
            {
                continue;
            }

            foreach (var tool in tools.EnumerateArray())
            {
                count++;
                var function = tool.GetProperty("function");
                if (!JsonSchemaValidator.Default.Compile(function.GetProperty("parameters")).IsSchemaValid)
                {
                    invalid.Add(function.GetProperty("name").GetString()!);
                }
            }
        }

        // Assert
        Assert.Equal(8726, count);
        Assert.Empty(invalid);
    }

    [Fact]
    public async Task ImportAsync_EmptyFolder_ThrowsFileNotFound()
    {
        // Arrange
        using var empty = new TempDirectory();

        // Act + Assert
        await Assert.ThrowsAsync<FileNotFoundException>(() => BfclImporter.ImportAsync(empty.Path, Path.Combine(empty.Path, "out")));
    }

    private static string Field(JsonElement row, string name) => row.TryGetProperty(name, out var value) ? value.GetRawText().Replace(" ", string.Empty, StringComparison.Ordinal) : "<absent>";

    /// <summary>Imports ../shared/datasets/bfcl-raw once for the class.</summary>
    public sealed class Imported : IDisposable
    {
        public Imported()
        {
            Output = new TempDirectory();
            Summary = BfclImporter.ImportAsync(RepositoryPaths.Shared("datasets", "bfcl-raw"), Output.Path).GetAwaiter().GetResult();
        }

        public TempDirectory Output { get; }

        public ImportSummary Summary { get; }

        public void Dispose() => Output.Dispose();
    }
}
