using System.Text.Json;
using K2Verifier.Normalization;
using K2Verifier.Preparation;

namespace K2Verifier.Validation.CrossCheck;

/// <summary>
/// Validates every tool call of a results journal with two validators (the python one and the spec one) and lists
/// the calls whose verdict differs, with the reason class. Only calls that reach schema validation count: a declared
/// tool with JSON arguments, in a successful row that finished with <c>tool_calls</c>. The journal's reader applies it to every row and keeps the latest row of a data_index (<see cref="Results.LatestRun"/>).
/// </summary>
public sealed class ValidatorCrossCheck
{
    private static readonly JsonElement EmptySchema = JsonDocument.Parse("{}").RootElement.Clone();
    private readonly IJsonSchemaValidator _python;
    private readonly IJsonSchemaValidator _spec;

    public ValidatorCrossCheck(IJsonSchemaValidator python, IJsonSchemaValidator spec)
    {
        ArgumentNullException.ThrowIfNull(python);
        ArgumentNullException.ThrowIfNull(spec);
        _python = python;
        _spec = spec;
    }

    /// <summary>The disagreements on one results row; the journal's reader (<see cref="Results.ResultsScorer"/>) calls it for every row it reads.</summary>
    public IReadOnlyList<ValidatorSensitiveCall> CheckRow(int dataIndex, JsonElement row)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
            || !row.TryGetProperty("request", out var request) || (row.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String && status.GetString() != "success"))
        {
            return [];
        }

        var normalized = ResponseNormalizer.FromElement(response);
        if (normalized.FinishReason != "tool_calls" || normalized.ToolCalls is not { Count: > 0 } calls)
        {
            return [];
        }

        var tools = RequestPreparer.ReadTools(request);
        var found = new List<ValidatorSensitiveCall>();
        foreach (var call in calls)
        {
            var tool = call.Name is null ? null : tools.FirstOrDefault(t => t.Name == call.Name);
            if (tool is not null && Arguments(call.Arguments) is { } arguments)
            {
                using (arguments)
                {
                    var schema = tool.Parameters ?? EmptySchema;
                    var python = _python.Validate(schema, arguments.RootElement);
                    var spec = _spec.Validate(schema, arguments.RootElement);
                    if (python.IsValid != spec.IsValid)
                    {
                        var rejected = python.IsValid ? spec : python;
                        found.Add(new ValidatorSensitiveCall(dataIndex, call.Index, call.Name, Name(python.Verdict), Name(spec.Verdict),
                            DisagreementReason.Classify(schema, python, spec), rejected.Errors.Count > 0 ? rejected.Errors[0].Message : string.Empty));
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The snake_case name of a verdict.</summary>
    public static string Name(SchemaVerdict verdict) => verdict switch
    {
        SchemaVerdict.Valid => "valid",
        SchemaVerdict.Invalid => "invalid",
        _ => "invalid_schema",
    };

    private static JsonDocument? Arguments(JsonElement? arguments)
    {
        if (arguments is not { } value)
        {
            return null;
        }

        try
        {
            return value.ValueKind == JsonValueKind.String ? JsonDocument.Parse(value.GetString()!) : JsonDocument.Parse(value.GetRawText());
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
