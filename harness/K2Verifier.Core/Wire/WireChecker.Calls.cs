using System.Text.Json;
using System.Text.RegularExpressions;
using K2Verifier.Json;
using K2Verifier.Normalization;

namespace K2Verifier.Wire;

/// <content>Checks of each tool call: ids and arguments.</content>
public sealed partial class WireChecker
{
    /// <summary>The nesting depth past which arguments are flagged (System.Text.Json's default limit).</summary>
    public const int DeepNestingThreshold = 64;

    private static void CheckCalls(List<WireFinding> findings, WireRequest request, string path, List<NormalizedToolCall> calls)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            var callPath = $"{path}.message.tool_calls[{call.Index}]";
            if (string.IsNullOrEmpty(call.Id))
            {
                findings.Add(WireFinding.Of(WireCodes.MissingToolCallId, $"{callPath}.id", call.Name ?? "no id"));
            }
            else if (!seen.Add(call.Id))
            {
                findings.Add(WireFinding.Of(WireCodes.DuplicateToolCallId, $"{callPath}.id", call.Id));
            }
            else if (request.IsKimi && !IsKimiId(call.Id, call.Name))
            {
                findings.Add(WireFinding.Of(WireCodes.NonOfficialToolCallId, $"{callPath}.id", call.Id));
            }

            CheckArguments(findings, $"{callPath}.function.arguments", call.Arguments);
        }
    }

    private static void CheckArguments(List<WireFinding> findings, string field, JsonElement? arguments)
    {
        switch (arguments)
        {
            case { ValueKind: JsonValueKind.String } text:
                var raw = text.GetString()!;
                using (var parsed = PythonJsonLoads.Parse(raw, out var nonStandard, out var depth, out _))
                {
                    if (nonStandard)
                    {
                        findings.Add(WireFinding.Of(WireCodes.NonStandardJson, field, NonStandardExcerpt(raw)));
                    }

                    if (depth > DeepNestingThreshold)
                    {
                        findings.Add(WireFinding.Of(WireCodes.DeepNesting, field, $"nested {depth} levels"));
                    }

                    if (parsed is not null && parsed.RootElement.ValueKind != JsonValueKind.Object)
                    {
                        findings.Add(WireFinding.Of(WireCodes.ArgumentsNotObject, field, raw));
                    }
                }

                break;
            case { ValueKind: JsonValueKind.Object } value:
                findings.Add(WireFinding.Of(WireCodes.ArgumentsNotString, field, value.GetRawText()));
                if (Depth(value) is var objectDepth && objectDepth > DeepNestingThreshold)
                {
                    findings.Add(WireFinding.Of(WireCodes.DeepNesting, field, $"nested {objectDepth} levels"));
                }

                break;
            case { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } value:
                findings.Add(WireFinding.Of(WireCodes.ArgumentsNotString, field, value.GetRawText()));
                findings.Add(WireFinding.Of(WireCodes.ArgumentsNotObject, field, value.GetRawText()));
                break;
        }
    }

    private static int Depth(JsonElement value)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(value.GetRawText()), JsonText.DeepReader);
        var depth = 0;
        while (reader.Read())
        {
            depth = Math.Max(depth, reader.CurrentDepth + (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray ? 1 : 0));
        }

        return depth;
    }

    private static string NonStandardExcerpt(string raw)
    {
        var match = NonStandardToken().Match(raw);
        return match.Success ? WireText.Around(raw, match.Index, match.Length, 16) : raw;
    }

    /// <summary>True for Kimi's official form <c>functions.NAME:IDX</c> with NAME the call's function.</summary>
    private static bool IsKimiId(string id, string? name)
    {
        var match = KimiId().Match(id);
        return match.Success && (name is null || match.Groups["name"].Value == name);
    }

    [GeneratedRegex(@"^functions\.(?<name>.+):(?<idx>[0-9]+)$")]
    private static partial Regex KimiId();

    [GeneratedRegex(@"-?Infinity|NaN")]
    private static partial Regex NonStandardToken();
}
