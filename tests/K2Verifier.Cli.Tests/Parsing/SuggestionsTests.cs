using K2Verifier.Cli.Parsing;

namespace K2Verifier.Cli.Tests.Parsing;

public sealed class SuggestionsTests
{
    [Theory]
    [InlineData("htp", "http")]
    [InlineData("lcoal", "local")]
    [InlineData("HTTP", "http")]
    public void Closest_NearMiss_SuggestsCandidate(string input, string expected)
    {
        var closest = Suggestions.Closest(input, ["http", "local"]);

        Assert.Equal([expected], closest);
    }

    [Fact]
    public void Closest_NothingClose_ReturnsEmpty()
    {
        Assert.Empty(Suggestions.Closest("zzzzzz", ["http", "local"]));
    }

    [Fact]
    public void InvalidValueMessage_NearMiss_ListsChoicesAndSuggestion()
    {
        var message = ChoiceOption.InvalidValueMessage("--backend", "htp", ["http", "local"]);

        Assert.Equal("--backend \"htp\" is invalid. Valid values: http, local. Did you mean \"http\"?", message);
    }

    [Fact]
    public void Distance_Transposition_CountsOne()
    {
        Assert.Equal(1, Suggestions.Distance("lcoal", "local"));
    }
}
