using K2Verifier.LocalEngine.Simulation;
using K2Verifier.LocalEngine.Templates;
using K2Verifier.LocalEngine.Templates.Lint;

namespace K2Verifier.LocalEngine.Tests.Templates;

public sealed class TemplateLinterTests
{
    [Fact]
    public void Lint_SimulatorKimiTemplate_IsClean() =>
        Assert.Empty(TemplateLinter.Lint(SimulatorTemplates.Kimi));

    [Fact]
    public void Lint_TemplateWrittenForStrings_FindsPrintedPartsList()
    {
        var finding = Assert.Single(TemplateLinter.Lint(SimulatorTemplates.KimiForStrings));

        Assert.Equal("content-parts", finding.Check);
    }

    [Fact]
    public void Lint_TemplateIgnoringGenerationPrompt_FindsIt()
    {
        var source = SimulatorTemplates.Source("kimi-k2-sim.jinja");
        var broken = source[..source.IndexOf("{%- if add_generation_prompt", StringComparison.Ordinal)];

        var findings = TemplateLinter.Lint(ChatTemplate.FromText(broken));

        Assert.Contains(findings, f => f.Check == "generation-prompt");
    }

    [Fact]
    public void Lint_TemplateRewritingIds_FindsIt()
    {
        var source = SimulatorTemplates.Source("kimi-k2-sim.jinja").Replace("+ call['id'] +", "+ 'functions.' + call['function']['name'] + ':0' +", StringComparison.Ordinal);

        var findings = TemplateLinter.Lint(ChatTemplate.FromText(source));

        Assert.Contains(findings, f => f.Check == "history-ids");
    }

    [Theory]
    [InlineData("kimi-k2-original.jinja")]
    [InlineData("kimi-k2-thinking.jinja")]
    public void Lint_KimiTemplatesInShared_AreClean(string name)
    {
        var path = Repository.Shared("templates", name);
        if (!File.Exists(path))
        {
            return; // a fresh clone has no ../shared
        }

        Assert.Empty(TemplateLinter.Lint(ChatTemplate.Load(path)));
    }
}
