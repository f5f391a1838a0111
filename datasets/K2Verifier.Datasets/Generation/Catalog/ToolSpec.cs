using System.Text.Json.Nodes;

namespace K2Verifier.Datasets.Generation.Catalog;

/// <summary>A tool of the catalog: an OpenAI function declaration plus example requests that need it.</summary>
/// <param name="Domain">The domain it belongs to (search, weather, …).</param>
/// <param name="Name">The function name (OpenAI-legal).</param>
/// <param name="Description">The function description.</param>
/// <param name="ParametersJson">The JSON Schema of its arguments.</param>
/// <param name="Examples">Requests that call it, with arguments valid for the schema and a plausible result.</param>
public sealed record ToolSpec(string Domain, string Name, string Description, string ParametersJson, IReadOnlyList<ToolExample> Examples)
{
    /// <summary>The <c>{"type": "function", "function": {…}}</c> declaration (a fresh node each call).</summary>
    public JsonObject Declaration() => new()
    {
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = Name,
            ["description"] = Description,
            ["parameters"] = JsonNode.Parse(ParametersJson),
        },
    };
}
