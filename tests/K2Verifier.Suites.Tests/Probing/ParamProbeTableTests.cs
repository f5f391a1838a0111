using K2Verifier.Suites.Params;

namespace K2Verifier.Suites.Tests.Probing;

public sealed class ParamProbeTableTests
{
    [Fact]
    public void BuiltIn_HasDefaultsAndOneProbePerRule()
    {
        var table = ParamProbeTable.BuiltIn;

        Assert.Equal("200", table.Single(p => p.Name == "defaults").Expect);
        Assert.All(table, p => Assert.False(string.IsNullOrWhiteSpace(p.Rationale), p.Name));
        Assert.Equal(table.Count, table.Select(p => p.Name).Distinct().Count());
    }

    [Fact]
    public void Apply_UserRows_ReplaceAddAndDisable()
    {
        var text = """
            {"probe":"n-zero","disabled":true}
            {"probe":"temperature-above-2","change":{"temperature":3},"expect":"4xx","rationale":"ours"}
            {"probe":"seed-string","change":{"seed":"x"},"expect":"4xx","required":false}
            """;

        var table = ParamProbeTable.Apply(ParamProbeTable.BuiltIn, text, "mine.jsonl");

        Assert.DoesNotContain(table, p => p.Name == "n-zero");
        Assert.Equal("ours", table.Single(p => p.Name == "temperature-above-2").Rationale);
        Assert.False(table.Single(p => p.Name == "seed-string").Required);
        Assert.Equal(ParamProbeTable.BuiltIn.Count, table.Count);
    }

    [Fact]
    public void Apply_BadExpect_NamesFileLineAndField()
    {
        var error = Assert.Throws<FormatException>(() => ParamProbeTable.Apply([], "\n{\"probe\":\"x\",\"change\":{},\"expect\":\"500\"}", "mine.jsonl"));

        Assert.StartsWith("mine.jsonl:2: field \"expect\"", error.Message, StringComparison.Ordinal);
    }
}
