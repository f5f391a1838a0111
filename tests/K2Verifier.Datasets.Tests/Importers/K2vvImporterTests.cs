using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using K2Verifier.Datasets.Importers;
using K2Verifier.Datasets.Tests.Infrastructure;
using K2Verifier.Results;

namespace K2Verifier.Datasets.Tests.Importers;

public sealed class K2vvImporterTests
{
    private const string Samples = """
        {"messages":[{"role":"user","content":"天气？"}],"tools":[{"type":"function","function":{"name":"get_weather","parameters":{"type":"object"}}}]}
        {"messages":[{"role":"user","content":"hi"}]}

        """;

    private const string Results = """
        {"data_index": 1, "request": {"messages": [{"role": "user", "content": "天气？"}]}, "response": {"choices": [{"index": 0, "message": {"role": "assistant", "content": "", "tool_calls": [{"id": "functions.get_weather:0", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}]}, "finish_reason": "tool_calls"}]}, "status": "success", "finish_reason": "tool_calls", "tool_calls_valid": true, "last_run_at": "2025-09-05T10:00:00.000000", "duration_ms": 900, "hash": "h1"}
        {"data_index": 2, "request": {"messages": [{"role": "user", "content": "hi"}]}, "response": {"choices": [{"index": 0, "message": {"role": "assistant", "content": "Hello!"}, "finish_reason": "stop"}]}, "status": "success", "finish_reason": "stop", "tool_calls_valid": null, "last_run_at": "2025-09-05T10:00:01.000000", "duration_ms": 300, "hash": "h2"}

        """;

    [Fact]
    public async Task ImportAsync_SyntheticTarball_WritesSamplesUnchangedAndReadableBaselines()
    {
        // Arrange
        using var temp = new TempDirectory();
        var tarball = Path.Combine(temp.Path, "tool-calls.tar.gz");
        WriteTarball(tarball, ("tool-calls/", null), ("tool-calls/samples.jsonl", Samples), ("tool-calls/kimi-k2-0905-preview_results.jsonl", Results),
            ("tool-calls/README.md", "# K2VV"), ("tool-calls/._samples.jsonl", "mac metadata"));
        var output = Path.Combine(temp.Path, "out");

        // Act
        var summary = await K2vvImporter.ImportAsync(tarball, output);

        // Assert
        Assert.Equal(2, summary.Requests);
        Assert.Equal(Samples, await File.ReadAllTextAsync(Path.Combine(output, "samples.jsonl")));
        var baseline = Path.Combine(output, "baselines", "kimi-k2-0905-preview_results.jsonl");
        var rows = ResultsFile.Read(baseline).ToList();
        Assert.Equal([1, 2], rows.Select(r => r.Result!.DataIndex));
        Assert.All(rows, r => Assert.Null(r.Problem));
        Assert.Equal(["tool_calls", "stop"], rows.Select(r => r.Result!.FinishReason));
        Assert.False(File.Exists(Path.Combine(output, "README.md")));
    }

    [Fact]
    public async Task ImportAsync_ExtractedFolder_SameOutputAsTarball()
    {
        // Arrange
        using var temp = new TempDirectory();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, "extracted", "tool-calls")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "samples.jsonl"), Samples);
        await File.WriteAllTextAsync(Path.Combine(folder, "k2-thinking_results.jsonl"), Results);

        // Act
        var summary = await K2vvImporter.ImportAsync(Path.Combine(temp.Path, "extracted"), Path.Combine(temp.Path, "out"));

        // Assert
        Assert.Equal(2, summary.Requests);
        Assert.Contains(summary.Files, f => f.EndsWith(Path.Combine("baselines", "k2-thinking_results.jsonl"), StringComparison.Ordinal));
        Assert.Contains("baseline k2-thinking_results.jsonl: 2 rows", summary.Notes);
    }

    [Fact]
    public async Task ImportAsync_NoSamples_ThrowsInvalidData()
    {
        // Arrange
        using var temp = new TempDirectory();
        var tarball = Path.Combine(temp.Path, "bad.tar.gz");
        WriteTarball(tarball, ("x_results.jsonl", Results));

        // Act
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => K2vvImporter.ImportAsync(tarball, Path.Combine(temp.Path, "out")));

        // Assert
        Assert.Contains("no samples.jsonl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_UnreadableResults_ThrowsInvalidData()
    {
        // Arrange
        using var temp = new TempDirectory();
        var tarball = Path.Combine(temp.Path, "bad.tar.gz");
        WriteTarball(tarball, ("samples.jsonl", Samples), ("m_results.jsonl", "not json\n"));

        // Act
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => K2vvImporter.ImportAsync(tarball, Path.Combine(temp.Path, "out")));

        // Assert
        Assert.Contains("no readable K2VV results rows", error.Message, StringComparison.Ordinal);
    }

    private static void WriteTarball(string path, params (string Name, string? Text)[] entries)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        foreach (var (name, text) in entries)
        {
            var entry = new PaxTarEntry(text is null ? TarEntryType.Directory : TarEntryType.RegularFile, name);
            if (text is not null)
            {
                entry.DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text));
            }

            tar.WriteEntry(entry);
        }
    }
}
