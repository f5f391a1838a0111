using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Json;

namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>
/// An upper bound, in UTF-8 bytes, on the text an Enforcer grammar can force in one fast-forward run (every forced
/// token holds at least one byte, so it bounds tokens too). A run is fixed text between two free choices: markers,
/// separators, a tool name, and inside the arguments keys, punctuation and <c>const</c>/<c>enum</c> values. The bound
/// counts all the fixed text one call can have (every key at every level, every array slot up to its bounded
/// <c>maxItems</c>, every branch of <c>anyOf</c>/<c>oneOf</c>/<c>allOf</c>) plus every marker and separator of the
/// format. Null when a schema has references (not followed here) or a pattern without a length
/// bound; the engine then falls back to the grammar's length.
/// </summary>
internal static class ForcedRunBound
{
    private const int ScalarBytes = 8;
    private const int MaxDepth = 32;

    public static int? Of(ToolCallSyntax syntax, IReadOnlyList<ToolDefinition> tools, ToolCallGrammarOptions options)
    {
        var fixedText = Bytes(syntax.SectionBegin) + Bytes(syntax.SectionEnd) + Bytes(syntax.CallBegin) + Bytes(syntax.CallSeparator)
            + syntax.CallBody.Where(p => p.Kind is SyntaxPartKind.Marker or SyntaxPartKind.Literal).Sum(p => Bytes(p.Text));
        var worstCall = 0;
        foreach (var tool in tools)
        {
            if (Bound(JsonSchemaBounds.Apply(tool.Parameters, options), 0) is not { } arguments)
            {
                return null;
            }

            worstCall = Math.Max(worstCall, Bytes(JsonText.Quote(tool.Name)) + arguments);
        }

        // A run either opens a call (markers, name, fixed argument text) or closes one (closing markers, EOS): a choice
        // (another call or the end) always lies between a call's end and the next call's start.
        return fixedText + worstCall + 64;
    }

    private static int? Bound(JsonNode? node, int depth)
    {
        if (node is not JsonObject schema)
        {
            return ScalarBytes;
        }

        if (depth > MaxDepth || schema.ContainsKey("$ref") || schema.ContainsKey("$dynamicRef"))
        {
            return null;
        }

        long total = ScalarBytes;
        if (schema.ContainsKey("pattern"))
        {
            // A pattern can force text inside a string ("^(abc){10}$"): bounded by the string's own length when it has one.
            if (schema["maxLength"] is not JsonValue maxLength || !maxLength.TryGetValue<int>(out var characters))
            {
                return null;
            }

            total += 4L * characters;
        }

        if (schema.ContainsKey("format"))
        {
            total += 32;
        }

        if (schema["const"] is { } constant)
        {
            total += Bytes(constant.ToJsonString());
        }

        if (schema["enum"] is JsonArray values)
        {
            total += values.Select(v => Bytes(v?.ToJsonString() ?? "null")).DefaultIfEmpty(0).Max();
        }

        foreach (var key in new[] { "anyOf", "oneOf", "allOf" })
        {
            foreach (var branch in schema[key] as JsonArray ?? [])
            {
                if (Bound(branch, depth + 1) is not { } b)
                {
                    return null;
                }

                total += b;
            }
        }

        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            if (Bound(property, depth + 1) is not { } b)
            {
                return null;
            }

            total += Bytes(JsonText.Quote(name)) + 4 + b;
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            if (Bound(additional, depth + 1) is not { } b)
            {
                return null;
            }

            total += b;
        }

        if (schema["items"] is { } items || schema["prefixItems"] is JsonArray)
        {
            var maxItems = schema["maxItems"] is JsonValue m && m.TryGetValue<int>(out var count) ? count : 1;
            var item = schema["items"] is JsonObject itemSchema ? Bound(itemSchema, depth + 1) : ScalarBytes;
            if (item is null)
            {
                return null;
            }

            total += 2 + ((long)maxItems * (2 + item.Value));
            foreach (var prefix in schema["prefixItems"] as JsonArray ?? [])
            {
                if (Bound(prefix, depth + 1) is not { } b)
                {
                    return null;
                }

                total += 2 + b;
            }
        }

        total += 2;
        return total > int.MaxValue / 4 ? null : (int)total;
    }

    private static int Bytes(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);
}
