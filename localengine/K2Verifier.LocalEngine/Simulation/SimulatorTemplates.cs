using K2Verifier.Templates;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>The simulator's embedded chat templates (our own Kimi-K2-format templates, shipped in the assembly).</summary>
public static class SimulatorTemplates
{
    private static readonly Lazy<ChatTemplate> KimiLazy = new(() => Load("kimi-k2-sim.jinja"));
    private static readonly Lazy<ChatTemplate> StringsLazy = new(() => Load("kimi-k2-sim-strings.jinja"));

    /// <summary>The correct template: list-of-parts content rendered as its text.</summary>
    public static ChatTemplate Kimi => KimiLazy.Value;

    /// <summary>The same template written for string content: a parts list is printed as the list's literal text.</summary>
    public static ChatTemplate KimiForStrings => StringsLazy.Value;

    /// <summary>The source text of an embedded template (<c>kimi-k2-sim.jinja</c> or <c>kimi-k2-sim-strings.jinja</c>).</summary>
    public static string Source(string fileName)
    {
        using var stream = typeof(SimulatorTemplates).Assembly.GetManifestResourceStream("K2Verifier.LocalEngine.Simulation." + fileName)
            ?? throw new ArgumentException($"no embedded template {fileName}", nameof(fileName));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ChatTemplate Load(string fileName) => ChatTemplate.FromText(Source(fileName), fileName);
}
