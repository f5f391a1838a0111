using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Datasets.Importers;

/// <summary>
/// Turns BFCL's JSON-Schema-like dialect into JSON Schema, as <c>../shared/datasets/bfcl/SOURCE.md</c> documents:
/// <c>dict</c>/<c>HashMap</c>/<c>Hashtable</c>→object, <c>float</c>/<c>double</c>→number, <c>tuple</c>/<c>Array</c>/
/// <c>ArrayList</c>/<c>list</c>→array, <c>long</c>/<c>short</c>/<c>byte</c>/<c>Bigint</c>→integer, <c>String</c>/<c>char</c>→string,
/// <c>Boolean</c>/<c>bool</c>→boolean, <c>any</c> and <c>""</c>→no type; BFCL's <c>optional</c> keyword is dropped; the top
/// level is forced to <c>"type": "object"</c>. Every other keyword is kept, in order.
/// </summary>
public static class BfclSchemaConverter
{
    private static readonly Dictionary<string, string?> TypeMap = new(StringComparer.Ordinal)
    {
        ["dict"] = "object", ["HashMap"] = "object", ["Hashtable"] = "object",
        ["float"] = "number", ["double"] = "number",
        ["tuple"] = "array", ["Array"] = "array", ["ArrayList"] = "array", ["list"] = "array",
        ["long"] = "integer", ["short"] = "integer", ["byte"] = "integer", ["Bigint"] = "integer",
        ["String"] = "string", ["char"] = "string",
        ["Boolean"] = "boolean", ["bool"] = "boolean",
        ["any"] = null, [string.Empty] = null,
    };

    /// <summary>A converted copy of a function's <c>parameters</c>.</summary>
    public static JsonObject Convert(JsonObject parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var converted = ConvertSchema(parameters);
        converted["type"] = "object";
        return converted;
    }

    private static JsonObject ConvertSchema(JsonObject schema)
    {
        var result = new JsonObject();
        foreach (var (key, value) in schema)
        {
            switch (key)
            {
                case "optional":
                    continue;
                case "type" when value is JsonValue type && type.GetValueKind() == JsonValueKind.String:
                    if (TypeMap.TryGetValue(type.GetValue<string>(), out var mapped))
                    {
                        if (mapped is not null)
                        {
                            result[key] = mapped;
                        }
                    }
                    else
                    {
                        result[key] = value.DeepClone();
                    }

                    break;
                case "properties" when value is JsonObject properties:
                    result[key] = MapValues(properties);
                    break;
                case "items" or "additionalProperties" or "not" when value is JsonObject sub:
                    result[key] = ConvertSchema(sub);
                    break;
                case "items" or "anyOf" or "oneOf" or "allOf" or "prefixItems" when value is JsonArray list:
                    result[key] = new JsonArray([.. list.Select(item => item is JsonObject o ? ConvertSchema(o) : item?.DeepClone())]);
                    break;
                default:
                    result[key] = value?.DeepClone();
                    break;
            }
        }

        return result;
    }

    private static JsonObject MapValues(JsonObject properties)
    {
        var result = new JsonObject();
        foreach (var (name, value) in properties)
        {
            result[name] = value is JsonObject schema ? ConvertSchema(schema) : value?.DeepClone();
        }

        return result;
    }
}
