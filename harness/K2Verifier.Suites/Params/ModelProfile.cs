using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Params;

/// <summary>
/// Request values a model's vendor fixes (e.g. Kimi K2 Thinking: temperature 1.0, top_p 0.95, as Moonshot serves it),
/// put into every probe's base request so the defaults probe asks for what the model is meant to run with.
/// </summary>
/// <param name="Name">The profile's name.</param>
/// <param name="Fixed">Top-level request values merged into every base request.</param>
/// <param name="Description">One line for help and docs.</param>
public sealed record ModelProfile(string Name, JsonObject Fixed, string Description)
{
    /// <summary>No fixed values.</summary>
    public static ModelProfile Default { get; } = new("default", [], "no fixed sampling values");

    /// <summary>Every profile, in help order.</summary>
    public static IReadOnlyList<ModelProfile> All { get; } =
    [
        Default,
        new("kimi-k2", new JsonObject { ["temperature"] = 0.6 }, "Kimi K2 Instruct: temperature 0.6 (Moonshot's recommended value)"),
        new("kimi-k2-thinking", new JsonObject { ["temperature"] = 1.0, ["top_p"] = 0.95 }, "Kimi K2 Thinking: temperature 1.0, top_p 0.95 (fixed by Moonshot)"),
    ];

    /// <summary>The profile names.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The profile called <paramref name="name"/> (case-insensitive), or null.</summary>
    public static ModelProfile? Find(string name) => All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
