using System.Text.Json;
using K2Verifier.Datasets.Generation;
using K2Verifier.Datasets.Tests.Infrastructure;

namespace K2Verifier.Datasets.Tests.Generation;

public sealed class K2v4000ReproducibilityTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Rendered = new(() => K2v4000Writer.Render());

    [Theory]
    [InlineData(K2v4000Writer.SamplesFile)]
    [InlineData(K2v4000Writer.ExpectedFile)]
    [InlineData(K2v4000Writer.ManifestFile)]
    public void Render_DefaultSeed_ReproducesCommittedFileByteForByte(string name)
    {
        // Arrange
        var committed = File.ReadAllBytes(Path.Combine(RepositoryPaths.K2v4000, name));

        // Act
        var generated = Rendered.Value[name];

        // Assert
        Assert.True(committed.AsSpan().SequenceEqual(generated),
            $"{name} differs from the generator's output; run `./run.sh dataset build` and commit (bump K2v4000Generator.Version if intended).");
    }

    [Theory]
    [InlineData(K2v4000Writer.SamplesFile)]
    [InlineData(K2v4000Writer.ExpectedFile)]
    public void Manifest_Hashes_MatchCommittedFiles(string name)
    {
        // Arrange
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.K2v4000, K2v4000Writer.ManifestFile)));
        var bytes = File.ReadAllBytes(Path.Combine(RepositoryPaths.K2v4000, name));

        // Act
        var recorded = manifest.RootElement.GetProperty("files").GetProperty(name);

        // Assert
        Assert.Equal(K2v4000Writer.Sha256(bytes), recorded.GetProperty("sha256").GetString());
        Assert.Equal(bytes.LongLength, recorded.GetProperty("bytes").GetInt64());
        Assert.Equal(K2v4000Generator.Version, manifest.RootElement.GetProperty("generator_version").GetString());
        Assert.Equal(K2v4000Generator.DefaultSeed, manifest.RootElement.GetProperty("seed").GetUInt64());
    }

    [Fact]
    public void Render_CommittedFiles_Utf8WithoutBomAndLfOnly()
    {
        // Act
        var samples = Rendered.Value[K2v4000Writer.SamplesFile];

        // Assert
        Assert.False(samples.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }));
        Assert.DoesNotContain((byte)'\r', samples);
        Assert.Contains("今天", System.Text.Encoding.UTF8.GetString(samples), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OtherSeed_DiffersAndIsStable()
    {
        // Act
        var a = K2v4000Writer.Render(7)[K2v4000Writer.ExpectedFile];
        var b = K2v4000Writer.Render(7)[K2v4000Writer.ExpectedFile];

        // Assert
        Assert.Equal(a, b);
        Assert.False(a.AsSpan().SequenceEqual(Rendered.Value[K2v4000Writer.ExpectedFile]));
    }

    [Fact]
    public void SeededRandom_SameSeed_SameSequence()
    {
        // Arrange
        var first = new SeededRandom(42);
        var second = new SeededRandom(42);

        // Act
        var a = Enumerable.Range(0, 100).Select(_ => first.Next(1000)).ToList();
        var b = Enumerable.Range(0, 100).Select(_ => second.Next(1000)).ToList();

        // Assert
        Assert.Equal(a, b);
        Assert.Equal(10, new SeededRandom(1).Next(10, 11));
        Assert.True(a.Distinct().Count() > 50);
    }
}
