using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Suites.Probing;
using K2Verifier.Validation;

namespace K2Verifier.Suites.Schema;

/// <summary>
/// Forced strict-schema calls (KVV <c>tests/tool_call_json_schema/</c>): each schema is sent as the only tool with
/// <c>tool_choice</c> naming it and <c>strict: true</c> (unless <see cref="Strict"/> is off), streamed and not, each
/// <see cref="Reruns"/> times; every call is validated with the project's validator. Statuses: <c>valid</c>,
/// <c>invalid</c> (with the failing instance path), <c>no_call</c>, <c>rejected</c> (a 4xx: the deployment refused the
/// schema), <c>error</c>.
/// </summary>
public sealed class SchemaSuite(IReadOnlyList<SchemaEntry> corpus, string model, IJsonSchemaValidator validator) : IProbeSuite
{
    private static readonly bool[] Modes = [false, true];

    /// <inheritdoc/>
    public string Name => "schema";

    /// <summary>Send <c>strict: true</c> in each function. Default: true.</summary>
    public bool Strict { get; init; } = true;

    /// <summary>Attempts per schema and mode. Default: 3 (KVV's).</summary>
    public int Reruns { get; init; } = 3;

    /// <inheritdoc/>
    public IReadOnlyList<ProbeCase> Cases() =>
    [
        .. from entry in corpus
           from stream in Modes
           from rerun in Enumerable.Range(1, Reruns)
           select new ProbeCase
           {
               Probe = $"{entry.Id}:{entry.ToolName}",
               Body = Request(entry),
               Stream = stream,
               Rerun = rerun,
               Expected = ProbeStatus.Valid,
               Required = entry.Unsatisfiable is null,
               Rationale = entry.Unsatisfiable is null ? string.Empty : $"informational: no instance satisfies this schema ({entry.Unsatisfiable})",
               Features = entry.Features,
               Context = entry,
           },
    ];

    /// <inheritdoc/>
    public ProbeVerdict Judge(ProbeCase probe, BackendResponse response)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var entry = (SchemaEntry)probe.Context!;
        var answer = ProbeAnswer.Read(response);
        if (answer.IsClientError)
        {
            return new ProbeVerdict(ProbeStatus.Rejected, false, answer.StatusClass, "http_4xx", ProbeAnswer.ErrorMessage(response));
        }

        if (answer.Response is null)
        {
            return new ProbeVerdict(ProbeStatus.Error, false, answer.StatusClass, answer.StatusCode is null ? "no_response" : "http_error", ProbeAnswer.ErrorMessage(response));
        }

        var calls = answer.Calls.Where(c => c.Name == entry.ToolName).ToList();
        if (calls.Count == 0)
        {
            var other = answer.Calls.Count > 0 ? $"called {answer.Calls[0].Name}" : $"finish_reason {answer.Response.FinishReason ?? "none"}";
            return new ProbeVerdict(ProbeStatus.NoCall, false, ProbeStatus.NoCall, answer.Calls.Count > 0 ? "wrong_tool" : "no_call", other);
        }

        using var schema = JsonDocument.Parse(entry.Parameters.ToJsonString());
        foreach (var call in calls)
        {
            if (Arguments(call.Arguments) is not { } instance)
            {
                return new ProbeVerdict(ProbeStatus.Invalid, false, ProbeStatus.Invalid, "arguments_not_json", "arguments are not a JSON value");
            }

            var result = validator.Validate(schema.RootElement, instance);
            if (result.Verdict == SchemaVerdict.InvalidSchema)
            {
                return new ProbeVerdict(ProbeStatus.Error, false, "invalid_schema", "invalid_schema", (result.Errors.Count > 0 ? result.Errors[0].Message : null));
            }

            if (!result.IsValid)
            {
                var issue = result.Errors[0];
                var path = issue.InstanceLocation.Length == 0 ? "/" : issue.InstanceLocation;
                return new ProbeVerdict(ProbeStatus.Invalid, false, ProbeStatus.Invalid, $"schema_{issue.Keyword}", $"{path}: {issue.Message}");
            }
        }

        return new ProbeVerdict(ProbeStatus.Valid, true, ProbeStatus.Valid, "valid");
    }

    private JsonObject Request(SchemaEntry entry)
    {
        var function = new JsonObject
        {
            ["name"] = entry.ToolName,
            ["description"] = "Call this function with arguments that satisfy its parameters schema.",
            ["parameters"] = entry.Parameters.DeepClone(),
        };
        if (Strict)
        {
            function["strict"] = true;
        }

        return new JsonObject
        {
            ["model"] = model,
            ["messages"] = new JsonArray(new JsonObject
            {
                ["role"] = "user",
                ["content"] = $"Call {entry.ToolName} once with realistic arguments that fit its parameters.",
            }),
            ["tools"] = new JsonArray(new JsonObject { ["type"] = "function", ["function"] = function }),
            ["tool_choice"] = new JsonObject { ["type"] = "function", ["function"] = new JsonObject { ["name"] = entry.ToolName } },
            ["max_tokens"] = 2048,
        };
    }

    private static JsonElement? Arguments(JsonElement? arguments)
    {
        if (arguments is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        try
        {
            return JsonElement.Parse(value.GetString()!);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
