using System.Text.Json;
using System.Text.Json.Nodes;

namespace K2Verifier.Templates;

/// <summary>Loading from a <c>.jinja</c> file or a <c>tokenizer_config.json</c>.</summary>
public sealed partial class ChatTemplate
{
    /// <summary>The special-token attributes transformers passes to templates (<c>special_tokens_map</c>).</summary>
    private static readonly string[] SpecialTokenNames =
        ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token", "additional_special_tokens"];

    /// <summary>
    /// Loads a template file: a <c>tokenizer_config.json</c> (<c>chat_template</c> as a string or as a list of
    /// <c>{"name", "template"}</c>; special tokens as strings or <c>{"content": …}</c>) or else a Jinja source file.
    /// </summary>
    /// <exception cref="TemplateException">The file has no chat template, or the template has a syntax error.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ChatTemplate Load(string path, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = File.ReadAllText(path);
        var name = Path.GetFileName(path);
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return FromText(text, name, timeProvider);
        }

        JsonObject config;
        try
        {
            config = JsonNode.Parse(text) as JsonObject ?? throw new TemplateException($"{name}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new TemplateException($"{name}: not valid JSON: {ex.Message}", ex);
        }

        var sibling = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "chat_template.jinja");
        return FromTokenizerConfig(config, name, File.Exists(sibling) ? File.ReadAllText(sibling) : null, timeProvider);
    }

    /// <summary>A template from a parsed <c>tokenizer_config.json</c>; <paramref name="fallbackSource"/> is a <c>chat_template.jinja</c> beside it.</summary>
    public static ChatTemplate FromTokenizerConfig(JsonObject config, string name = "tokenizer_config.json", string? fallbackSource = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var templates = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (config["chat_template"])
        {
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                templates["default"] = value.GetValue<string>();
                break;
            case JsonArray list:
                foreach (var item in list)
                {
                    if (item?["name"]?.GetValue<string>() is not { } templateName || item["template"]?.GetValue<string>() is not { } source)
                    {
                        throw new TemplateException($"{name}: each named chat template needs \"name\" and \"template\" strings");
                    }

                    templates[templateName] = source;
                }

                break;
            case null when fallbackSource is not null:
                templates["default"] = fallbackSource;
                break;
            default:
                throw new TemplateException($"{name}: no \"chat_template\" (a string or a list of named templates)");
        }

        var specialTokens = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var tokenName in SpecialTokenNames)
        {
            var token = config[tokenName] switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.DeepClone(),
                JsonObject added when added["content"] is JsonValue content => content.DeepClone(),
                JsonArray list when list.Count > 0 => new JsonArray([.. list.Select(t => t is JsonObject o ? o["content"]?.DeepClone() : t?.DeepClone())]),
                _ => null,
            };
            if (token is not null)
            {
                specialTokens[tokenName] = token;
            }
        }

        return new ChatTemplate(name, templates, specialTokens, timeProvider);
    }
}
