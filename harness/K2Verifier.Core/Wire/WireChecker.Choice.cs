using System.Text.Json;
using K2Verifier.Normalization;
using K2Verifier.Preparation;

namespace K2Verifier.Wire;

/// <content>Checks of one choice: finish_reason, leaked markers, empty answers, tool calls and tool_choice.</content>
public sealed partial class WireChecker
{
    private void CheckChoice(List<WireFinding> findings, WireRequest request, JsonElement choice, int number, StreamFacts? stream, IReadOnlyList<ToolDeclaration> tools)
    {
        var path = $"choices[{number}]";
        var finish = Text(choice, "finish_reason");
        if (stream is not null ? stream.FinishChunk is null : finish is null)
        {
            findings.Add(WireFinding.Of(WireCodes.MissingFinishReason, $"{path}.finish_reason", stream is null ? "no finish_reason" : "no chunk carried a finish_reason"));
        }
        else if (finish is not null && !StandardFinishReasons.Contains(finish))
        {
            findings.Add(WireFinding.Of(WireCodes.NonStandardFinishReason, $"{path}.finish_reason", finish, stream?.FinishChunk));
        }

        var message = choice.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : (JsonElement?)null;
        if (message is not { } msg)
        {
            return;
        }

        var content = Text(msg, "content");
        var reasoning = Text(msg, "reasoning_content") ?? Text(msg, "reasoning");
        CheckMarkers(findings, $"{path}.message.content", content);
        CheckMarkers(findings, $"{path}.message.{(Text(msg, "reasoning_content") is null ? "reasoning" : "reasoning_content")}", reasoning);
        var calls = ToolCalls(msg);
        var noContent = string.IsNullOrWhiteSpace(content);
        if (finish == "stop" && noContent && calls.Count == 0)
        {
            findings.Add(string.IsNullOrWhiteSpace(reasoning)
                ? WireFinding.Of(WireCodes.EmptyStop, $"{path}.message.content", "stop with no content, reasoning or calls")
                : WireFinding.Of(WireCodes.ReasoningOnly, $"{path}.message.reasoning_content", reasoning!));
        }

        if (finish == "stop" && calls.Count > 0)
        {
            findings.Add(WireFinding.Of(WireCodes.StopWithToolCalls, $"{path}.finish_reason", $"stop with {calls.Count} tool call(s)"));
        }
        else if (finish == "tool_calls" && calls.Count == 0)
        {
            findings.Add(WireFinding.Of(WireCodes.ToolCallsWithoutCalls, $"{path}.finish_reason", "tool_calls with no tool call"));
        }

        CheckToolChoice(findings, request, path, calls);
        CheckCalls(findings, request, path, calls);
        if (finish == "length" && calls.Count > 0)
        {
            CheckLengthCalls(findings, path, calls, tools);
        }
        else if (number > 0 && finish == "tool_calls" && calls.Count > 0)
        {
            CheckExtraChoiceCalls(findings, path, calls, tools);
        }
    }

    private static void CheckMarkers(List<WireFinding> findings, string field, string? text)
    {
        foreach (var (marker, index) in LeakedMarkers.Find(text))
        {
            findings.Add(WireFinding.Of(WireCodes.LeakedMarker, field, Evidence(marker, text!, index)));
        }
    }

    private static string Evidence(string marker, string text, int index)
    {
        var around = WireText.Around(text, index, marker.Length, 12);
        return WireText.Excerpt(around.Length <= WireText.MaxExcerpt ? around : marker);
    }

    private static void CheckToolChoice(List<WireFinding> findings, WireRequest request, string path, List<NormalizedToolCall> calls)
    {
        switch (request.ToolChoice)
        {
            case "required" when calls.Count == 0:
                findings.Add(WireFinding.Of(WireCodes.ToolChoiceNotHonoured, $"{path}.message.tool_calls", "tool_choice required, no call"));
                break;
            case "function" when calls.Count == 0:
                findings.Add(WireFinding.Of(WireCodes.ToolChoiceNotHonoured, $"{path}.message.tool_calls", $"tool_choice {request.NamedFunction}, no call"));
                break;
            case "function" when calls.FirstOrDefault(c => c.Name != request.NamedFunction) is { } other:
                findings.Add(WireFinding.Of(WireCodes.ToolChoiceOtherFunction, $"{path}.message.tool_calls[{other.Index}].function.name", $"{other.Name} for tool_choice {request.NamedFunction}"));
                break;
            case "none" when calls.Count > 0:
                findings.Add(WireFinding.Of(WireCodes.ToolChoiceNoneWithCall, $"{path}.message.tool_calls", $"tool_choice none, {calls.Count} call(s)"));
                break;
        }
    }

    private void CheckExtraChoiceCalls(List<WireFinding> findings, string path, List<NormalizedToolCall> calls, IReadOnlyList<ToolDeclaration> tools)
    {
        foreach (var check in _validator.Validate("tool_calls", calls, tools).Checks.Where(c => !c.Valid))
        {
            findings.Add(WireFinding.Of(WireCodes.ExtraChoiceInvalidCall, $"{path}.message.tool_calls[{check.Index}].function.arguments", $"{check.Name}: {check.Category}"));
        }
    }

    private void CheckLengthCalls(List<WireFinding> findings, string path, List<NormalizedToolCall> calls, IReadOnlyList<ToolDeclaration> tools)
    {
        // Judged as if the row had finished with tool_calls, and counted apart from K2VV's counts.
        var outcome = _validator.Validate("tool_calls", calls, tools);
        foreach (var check in outcome.Checks)
        {
            var field = $"{path}.message.tool_calls[{check.Index}].function.arguments";
            var code = check.Valid ? WireCodes.LengthCallValid
                : check.Category == Validation.ToolCallErrorCategory.ArgumentsNotJson ? WireCodes.LengthCallCutOff
                : WireCodes.LengthCallInvalid;
            findings.Add(WireFinding.Of(code, field, check.Valid ? check.Name ?? string.Empty : $"{check.Name}: {check.Category}"));
        }
    }
}
