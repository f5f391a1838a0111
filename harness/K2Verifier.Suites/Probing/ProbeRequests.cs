using System.Text.Json.Nodes;
using K2Verifier.Suites.Params;

namespace K2Verifier.Suites.Probing;

/// <summary>The base requests of the params and tool-choice suites: a user turn, two small tools, a short budget.</summary>
public static class ProbeRequests
{
    /// <summary>A prompt that invites a call to <c>get_weather</c>.</summary>
    public const string WeatherPrompt = "What is the weather in Paris right now? Use the tools.";

    /// <summary>A prompt that invites no call.</summary>
    public const string GreetingPrompt = "Say hello in one short sentence.";

    /// <summary><c>get_weather(city)</c>.</summary>
    public static JsonObject WeatherTool() => Tool("get_weather", "Current weather for a city.", "city", "The city, e.g. Paris.");

    /// <summary><c>get_time(timezone)</c>.</summary>
    public static JsonObject TimeTool() => Tool("get_time", "Current local time in a time zone.", "timezone", "An IANA time zone, e.g. Europe/Paris.");

    /// <summary>The base body: <paramref name="model"/>, one user turn, the given tools, max_tokens 64, the profile's fixed values.</summary>
    public static JsonObject Base(string model, ModelProfile profile, string prompt, params JsonObject[] tools)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var body = new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }),
            ["max_tokens"] = 64,
        };
        if (tools.Length > 0)
        {
            body["tools"] = new JsonArray([.. tools]);
        }

        return Merge(body, profile.Fixed);
    }

    /// <summary>A copy of <paramref name="body"/> with <paramref name="change"/>'s top-level keys set (a null value removes the key).</summary>
    public static JsonObject Merge(JsonObject body, JsonObject change)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(change);
        var merged = (JsonObject)body.DeepClone();
        foreach (var (key, value) in change)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else
            {
                merged[key] = value.DeepClone();
            }
        }

        return merged;
    }

    private static JsonObject Tool(string name, string description, string parameter, string parameterDescription) => new()
    {
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["parameters"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject { [parameter] = new JsonObject { ["type"] = "string", ["description"] = parameterDescription } },
                ["required"] = new JsonArray(parameter),
            },
        },
    };
}
