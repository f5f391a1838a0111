using System.Text.Json;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Validation;

namespace K2Verifier.Wire;

/// <summary>
/// Runs every wire check on one successful row: the request, the recorded response (a chat.completion body, or for a
/// stream the chat.completion accumulated from it) and, for streams, the <see cref="StreamFacts"/> read from the raw
/// frames. The same function at run time and when <c>score</c> re-reads a journal, so older journals gain findings.
/// </summary>
public sealed partial class WireChecker
{
    private static readonly HashSet<string> StandardFinishReasons = new(StringComparer.Ordinal) { "stop", "length", "tool_calls", "content_filter", "function_call" };
    private readonly ToolCallValidator _validator;

    /// <summary>Creates the checker; <paramref name="validator"/> judges calls on <c>length</c> rows.</summary>
    public WireChecker(ToolCallValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
    }

    /// <summary>The findings of one response, in check order.</summary>
    /// <param name="request">The request as recorded (with stream, n, tool_choice, stream_options).</param>
    /// <param name="response">The recorded response object.</param>
    /// <param name="stream">The stream's facts (null for a non-stream response, or a stream recorded without them).</param>
    /// <param name="tools">The tools the request declared.</param>
    public IReadOnlyList<WireFinding> Check(WireRequest request, JsonElement response, StreamFacts? stream, IReadOnlyList<ToolDeclaration> tools)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(tools);
        var findings = new List<WireFinding>();
        if (response.ValueKind != JsonValueKind.Object)
        {
            return findings;
        }

        var choices = response.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array ? c : (JsonElement?)null;
        var isStream = stream is not null || request.Stream;
        if (choices is { } list)
        {
            var number = 0;
            foreach (var choice in list.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.Object)
                {
                    CheckChoice(findings, request, choice, number, isStream ? stream : null, tools);
                }

                number++;
            }

            CheckChoiceCount(findings, request, isStream ? stream?.ChoiceIndexes.Count ?? list.GetArrayLength() : list.GetArrayLength());
        }

        if (stream is not null)
        {
            CheckStream(findings, request, stream);
        }

        CheckBody(findings, response, isStream);
        return findings;
    }

    private static void CheckChoiceCount(List<WireFinding> findings, WireRequest request, int count)
    {
        if (request.N is > 1 && count != request.N)
        {
            findings.Add(WireFinding.Of(WireCodes.ChoiceCountMismatch, "choices", $"{count} choices for n={request.N}"));
        }
        else if (request.N is null or <= 1 && count > 1)
        {
            findings.Add(WireFinding.Of(WireCodes.UnrequestedChoices, "choices", $"{count} choices, n not asked"));
        }
    }

    private static void CheckBody(List<WireFinding> findings, JsonElement response, bool isStream)
    {
        if (!isStream)
        {
            foreach (var field in (string[])["id", "object", "created"])
            {
                if (!response.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    findings.Add(WireFinding.Of(WireCodes.MissingResponseField, field, $"no {field}"));
                }
            }
        }

        if (!response.TryGetProperty("usage", out var usage) || usage.ValueKind != JsonValueKind.Object)
        {
            if (!isStream)
            {
                findings.Add(WireFinding.Of(WireCodes.UsageMissing, "usage", "no usage"));
            }

            return;
        }

        var prompt = Number(usage, "prompt_tokens");
        var completion = Number(usage, "completion_tokens");
        var total = Number(usage, "total_tokens");
        if (prompt is null || completion is null || total is null || total != prompt + completion)
        {
            findings.Add(WireFinding.Of(WireCodes.UsageInconsistent, "usage", $"prompt {Show(prompt)} + completion {Show(completion)} ≠ total {Show(total)}"));
        }
    }

    private static long? Number(JsonElement usage, string name) =>
        usage.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static string Show(long? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "missing";

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<NormalizedToolCall> ToolCalls(JsonElement message)
    {
        var calls = new List<NormalizedToolCall>();
        if (!message.TryGetProperty("tool_calls", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return calls;
        }

        foreach (var call in list.EnumerateArray())
        {
            var function = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : (JsonElement?)null;
            calls.Add(new NormalizedToolCall(
                calls.Count,
                call.ValueKind == JsonValueKind.Object ? Text(call, "id") : null,
                function is { } fn ? Text(fn, "name") : null,
                function is { } fa && fa.TryGetProperty("arguments", out var a) ? a : null));
        }

        return calls;
    }
}
