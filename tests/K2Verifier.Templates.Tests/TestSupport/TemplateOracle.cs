using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Templates.Tests.TestSupport;

/// <summary>One render for the Jinja2 reference: a template id and the apply_chat_template arguments.</summary>
internal sealed record OracleCase(string Template, JsonArray Messages, JsonArray? Tools, bool AddGenerationPrompt, JsonObject? Kwargs);

/// <summary>What the reference produced: the text, or the error it raised.</summary>
internal sealed record OracleResult(bool Ok, string? Text, string? Error);

/// <summary>Runs Oracle/jinja_oracle.py (Jinja2 set up as Hugging Face does) once over a whole batch of renders.</summary>
internal static class TemplateOracle
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    /// <param name="templates">Template ids to <c>{"source": text}</c> or <c>{"config": path}</c>.</param>
    public static IReadOnlyList<OracleResult> Run(IReadOnlyDictionary<string, JsonObject> templates, IReadOnlyList<OracleCase> cases)
    {
        var request = new JsonObject
        {
            ["templates"] = new JsonObject(templates.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value.DeepClone()))),
            ["cases"] = new JsonArray([.. cases.Select(c => (JsonNode)new JsonObject
            {
                ["template"] = c.Template,
                ["messages"] = c.Messages.DeepClone(),
                ["tools"] = c.Tools?.DeepClone(),
                ["add_generation_prompt"] = c.AddGenerationPrompt,
                ["kwargs"] = c.Kwargs?.DeepClone(),
            })]),
        };
        var script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Oracle", "jinja_oracle.py"));
        var output = PythonOracle.Run(script, request.ToJsonString());
        var results = JsonSerializer.Deserialize<List<OracleResult>>(output, Options)!;
        Assert.Equal(cases.Count, results.Count);
        return results;
    }
}
