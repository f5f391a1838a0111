using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Dataset;
using K2Verifier.Preparation;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>Small <see cref="PreparedRequest"/>s whose last user message is the fake vendor's script key.</summary>
public static class FakeVendorRequests
{
    /// <summary>The model name the requests carry.</summary>
    public const string Model = "fake-k2";

    private static readonly JsonElement WeatherParameters = JsonDocument.Parse(
        """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement.Clone();

    /// <summary>A chat request declaring <c>get_weather</c>; streamed requests ask for usage (<c>stream_options.include_usage</c>).</summary>
    public static PreparedRequest Chat(string key, bool stream = false, int dataIndex = 1)
    {
        var body = new JsonObject
        {
            ["model"] = Model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = key }),
            ["tools"] = new JsonArray(new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject
                {
                    ["name"] = FakeReplies.DeclaredTool,
                    ["description"] = "Current weather in a city",
                    ["parameters"] = JsonNode.Parse(WeatherParameters.GetRawText()),
                },
            }),
            ["stream"] = stream,
        };
        if (stream)
        {
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        return Prepared(body.ToJsonString(), stream, dataIndex, [new ToolDeclaration(FakeReplies.DeclaredTool, WeatherParameters)]);
    }

    /// <summary>A completions request (<c>prompt</c> instead of messages), for the raw-completions transport.</summary>
    public static PreparedRequest Completions(string prompt, bool stream = false, int dataIndex = 1)
    {
        var body = new JsonObject { ["model"] = Model, ["prompt"] = prompt, ["stream"] = stream, ["max_tokens"] = 64 };
        return Prepared(body.ToJsonString(), stream, dataIndex, []);
    }

    private static PreparedRequest Prepared(string json, bool stream, int dataIndex, IReadOnlyList<ToolDeclaration> tools) =>
        new(dataIndex, new SourceLocation("fake.jsonl", dataIndex), json, "{}", json, "fake-hash", stream, tools);
}
