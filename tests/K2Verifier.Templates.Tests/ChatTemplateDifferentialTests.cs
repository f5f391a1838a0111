using System.Text;
using Xunit.Abstractions;

namespace K2Verifier.Templates.Tests;

/// <summary>Byte-for-byte agreement with Jinja2 configured as Hugging Face configures it.</summary>
public sealed class ChatTemplateDifferentialTests : IClassFixture<DifferentialFixture>
{
    private readonly DifferentialFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ChatTemplateDifferentialTests(DifferentialFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Theory]
    [InlineData("kimi-k2-original")]
    [InlineData("kimi-k2-thinking")]
    [InlineData("qwen3")]
    [InlineData("deepseek-v3")]
    [InlineData("features")]
    public void Render_CorpusAgainstJinja2_AgreesOnEveryCase(string template)
    {
        // Arrange
        var comparisons = _fixture.Comparisons.Where(c => c.Template == template).ToList();

        // Act
        var disagreements = comparisons.Where(c => !c.Agrees).ToList();

        // Assert
        var rendered = comparisons.Count(c => c.Reference.Ok);
        _output.WriteLine($"{template}: {comparisons.Count} cases ({rendered} rendered, {comparisons.Count - rendered} raised in Jinja2), "
            + $"{comparisons.Count - disagreements.Count} agree ({100.0 * (comparisons.Count - disagreements.Count) / comparisons.Count:F1}%)");
        Assert.True(comparisons.Count > 0);
        Assert.True(disagreements.Count == 0, Describe(disagreements));
    }

    [Fact]
    public void Render_Corpus_ExercisesBothOutcomes()
    {
        // The corpus must render most conversations, not agree only because everything raises.
        foreach (var group in _fixture.Comparisons.Where(c => c.Template != "features").GroupBy(c => c.Template))
        {
            Assert.True(group.Count(c => c.Reference.Ok) > group.Count() / 4, $"{group.Key}: too few successful renders");
        }
    }

    private static string Describe(List<Comparison> disagreements)
    {
        var text = new StringBuilder($"{disagreements.Count} disagreement(s):\n");
        foreach (var d in disagreements.Take(8))
        {
            text.Append("--- ").Append(d.Case).Append('\n')
                .Append("jinja2: ").Append(d.Reference.Ok ? Quote(d.Reference.Text) : "raised " + d.Reference.Error).Append('\n')
                .Append("ours:   ").Append(d.Ours is not null ? Quote(d.Ours) : "raised " + d.OurError).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string? text) => System.Text.Json.JsonSerializer.Serialize(text);
}
