using K2Verifier.Templates.Lint;

namespace K2Verifier.Templates.Tests.Lint;

public sealed class TemplateLinterTests
{
    private static readonly string SimulatorTemplates = Path.Combine(Repository.Root, "localengine", "K2Verifier.LocalEngine", "Simulation", "Templates");

    [Fact]
    public void Lint_SimulatorKimiTemplate_IsClean() =>
        Assert.Empty(TemplateLinter.Lint(Simulator("kimi-k2-sim.jinja")));

    [Fact]
    public void Lint_TemplateWrittenForStrings_FindsPrintedPartsList()
    {
        var finding = Assert.Single(TemplateLinter.Lint(Simulator("kimi-k2-sim-strings.jinja")));

        Assert.Equal("content-parts", finding.Check);
    }

    [Fact]
    public void Lint_TemplateIgnoringGenerationPrompt_FindsIt()
    {
        var source = Source("kimi-k2-sim.jinja");
        var broken = source[..source.IndexOf("{%- if add_generation_prompt", StringComparison.Ordinal)];

        var findings = TemplateLinter.Lint(ChatTemplate.FromText(broken));

        Assert.Contains(findings, f => f.Check == "generation-prompt");
    }

    [Fact]
    public void Lint_TemplateRewritingIds_FindsIt()
    {
        var source = Source("kimi-k2-sim.jinja").Replace("+ call['id'] +", "+ 'functions.' + call['function']['name'] + ':0' +", StringComparison.Ordinal);

        var findings = TemplateLinter.Lint(ChatTemplate.FromText(source));

        Assert.Contains(findings, f => f.Check == "history-ids");
    }

    [Theory]
    [InlineData("kimi-k2-original.jinja")]
    [InlineData("kimi-k2-thinking.jinja")]
    public void Lint_KimiTemplatesInShared_AreClean(string name)
    {
        // ../shared is required beside the clone (.ci/run checks it; ChatTemplateTests and the differential tests read it too).
        Assert.Empty(TemplateLinter.Lint(ChatTemplate.Load(Repository.Shared("templates", name))));
    }

    private static string Source(string fileName) => File.ReadAllText(Path.Combine(SimulatorTemplates, fileName));

    private static ChatTemplate Simulator(string fileName) => ChatTemplate.FromText(Source(fileName), fileName);
}
