using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.Suites.Tests.Fakes;

/// <summary>The answer functions of the params and tool-choice fakes: one that behaves, one that gets every probe wrong.</summary>
public static class FakeVendors
{
    /// <summary>Refuses invalid requests with a 400, obeys tool_choice, serves the rest.</summary>
    public static FakeAnswer Correct(JsonObject body)
    {
        if (RequestChecks.Find(body) is { } refusal)
        {
            return FakeAnswer.Refuse(refusal.Message);
        }

        return Choice(body) switch
        {
            "none" or "auto" or null => FakeAnswer.Text(),
            "required" => FakeAnswer.Call(Tools(body)[0]),
            var named => FakeAnswer.Call(named),
        };
    }

    /// <summary>Serves invalid requests, refuses valid ones without a choice, and disobeys every tool_choice.</summary>
    public static FakeAnswer Wrong(JsonObject body)
    {
        if (RequestChecks.Find(body) is not null)
        {
            return FakeAnswer.Text();
        }

        return Choice(body) switch
        {
            "auto" or null => FakeAnswer.Refuse("temporarily refusing valid requests"),
            "none" => FakeAnswer.Call(Tools(body)[0]),
            "required" => FakeAnswer.Text(),
            var named => FakeAnswer.Call(Tools(body).First(t => t != named)),
        };
    }

    private static string? Choice(JsonObject body) => body["tool_choice"] switch
    {
        JsonValue v => v.GetValue<string>(),
        JsonObject o => o["function"]?["name"]?.ToString(),
        _ => null,
    };

    private static List<string> Tools(JsonObject body) =>
        [.. (body["tools"] as JsonArray ?? []).Select(t => t!["function"]!["name"]!.ToString())];
}
