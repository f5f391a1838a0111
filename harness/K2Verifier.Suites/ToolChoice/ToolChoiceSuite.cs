using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Suites.Params;
using K2Verifier.Suites.Probing;

namespace K2Verifier.Suites.ToolChoice;

/// <summary>
/// tool_choice semantics (KVV <c>tests/k3_features/</c>), each probe streamed and not: <c>auto</c> is served,
/// <c>none</c> gives no call, <c>required</c> gives a call even to a prompt that needs none, a named tool gives a call
/// to that tool (not the one the prompt suggests), and invalid values are refused with a 4xx.
/// </summary>
public sealed class ToolChoiceSuite(string model, ModelProfile profile) : IProbeSuite
{
    private static readonly bool[] Modes = [false, true];

    /// <inheritdoc/>
    public string Name => "tool-choice";

    /// <summary>The table: probe, tool_choice, prompt, expected class, rationale.</summary>
    public static IReadOnlyList<(string Probe, JsonNode Choice, string Prompt, string Expected, string Rationale)> Table { get; } =
    [
        ("auto", "auto", ProbeRequests.WeatherPrompt, "200", "auto is the default; it must be accepted."),
        ("none", "none", ProbeRequests.WeatherPrompt, "no_call", "none forbids calls even when the prompt asks for a tool."),
        ("required", "required", ProbeRequests.GreetingPrompt, "call", "required forces at least one call even when the prompt needs none."),
        ("named", Named("get_time"), ProbeRequests.WeatherPrompt, "call:get_time", "a named function forces a call to that function, not the one the prompt suggests."),
        ("invalid-string", "always", ProbeRequests.WeatherPrompt, "4xx", "only none, auto, required or a named function are valid."),
        ("invalid-undeclared", Named("book_flight"), ProbeRequests.WeatherPrompt, "4xx", "a named function must be declared in tools."),
        ("invalid-shape", new JsonObject { ["type"] = "function" }, ProbeRequests.WeatherPrompt, "4xx", "a named choice needs function.name."),
    ];

    /// <inheritdoc/>
    public IReadOnlyList<ProbeCase> Cases() =>
    [
        .. from row in Table
           from stream in Modes
           select new ProbeCase
           {
               Probe = row.Probe,
               Body = ProbeRequests.Merge(
                   ProbeRequests.Base(model, profile, row.Prompt, ProbeRequests.WeatherTool(), ProbeRequests.TimeTool()),
                   new JsonObject { ["tool_choice"] = row.Choice.DeepClone() }),
               Stream = stream,
               Expected = row.Expected,
               Rationale = row.Rationale,
           },
    ];

    /// <inheritdoc/>
    public ProbeVerdict Judge(ProbeCase probe, BackendResponse response)
    {
        ArgumentNullException.ThrowIfNull(probe);
        if (probe.Expected is "200" or "4xx")
        {
            return ParamsSuite.ExpectStatus(probe, response);
        }

        var answer = ProbeAnswer.Read(response);
        if (answer.Response is null)
        {
            var status = answer.IsClientError ? ProbeStatus.Fail : ProbeStatus.Error;
            return new ProbeVerdict(status, false, answer.StatusClass, answer.IsClientError ? "refused_valid" : "no_response", ProbeAnswer.ErrorMessage(response));
        }

        var names = answer.Calls.Select(c => c.Name ?? string.Empty).ToList();
        var got = names.Count == 0 ? "no_call" : names.Distinct().Count() == 1 ? $"call:{names[0]}" : $"calls:{string.Join(',', names.Distinct())}";
        var passed = probe.Expected switch
        {
            "no_call" => names.Count == 0,
            "call" => names.Count > 0,
            _ => names.Count > 0 && names.All(n => "call:" + n == probe.Expected),
        };
        var reason = passed ? "obeyed" : names.Count == 0 ? "no_call" : probe.Expected == "no_call" ? "called" : "wrong_tool";
        return new ProbeVerdict(passed ? ProbeStatus.Pass : ProbeStatus.Fail, passed, got, reason, $"finish_reason {answer.Response.FinishReason ?? "none"}");
    }

    private static JsonObject Named(string name) => new() { ["type"] = "function", ["function"] = new JsonObject { ["name"] = name } };
}
