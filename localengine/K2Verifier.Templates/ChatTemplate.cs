using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Templates.Evaluation;
using K2Verifier.Templates.Runtime;
using K2Verifier.Templates.Syntax;

namespace K2Verifier.Templates;

/// <summary>
/// A Hugging Face chat template, compiled once and rendered as <c>tokenizer.apply_chat_template(messages, tools=…,
/// add_generation_prompt=…, tokenize=False, **kwargs)</c> would render it: Jinja2 in an immutable sandbox with
/// <c>trim_blocks</c>, <c>lstrip_blocks</c> and loop controls, Hugging Face's <c>tojson</c>, <c>raise_exception</c> and
/// <c>strftime_now</c>, and the tokenizer's special tokens as variables.
/// </summary>
public sealed partial class ChatTemplate
{
    private readonly Dictionary<string, IReadOnlyList<Stmt>> _compiled;
    private readonly TimeProvider _timeProvider;

    private ChatTemplate(string name, IReadOnlyDictionary<string, string> templates, IReadOnlyDictionary<string, JsonNode?> specialTokens, TimeProvider? timeProvider)
    {
        Name = name;
        Templates = templates;
        SpecialTokens = specialTokens;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _compiled = templates.ToDictionary(t => t.Key, t => Parser.Parse(t.Value, templates.Count == 1 ? name : $"{name}[{t.Key}]"), StringComparer.Ordinal);
    }

    /// <summary>The template's name in error messages (its file name).</summary>
    public string Name { get; }

    /// <summary>The template sources by name: <c>default</c>, and <c>tool_use</c> or others from a named-template list.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; }

    /// <summary>The tokenizer's special tokens (<c>bos_token</c>, <c>eos_token</c>, …) passed to the template as variables.</summary>
    public IReadOnlyDictionary<string, JsonNode?> SpecialTokens { get; }

    /// <summary>A template from its Jinja source.</summary>
    /// <exception cref="TemplateException">The template has a syntax error.</exception>
    public static ChatTemplate FromText(string source, string name = "<template>", TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new ChatTemplate(name, new Dictionary<string, string> { ["default"] = source }, new Dictionary<string, JsonNode?>(), timeProvider);
    }

    /// <summary>Renders the prompt for <paramref name="request"/>, byte for byte as Hugging Face would.</summary>
    /// <exception cref="TemplateException">The template failed (including <c>raise_exception</c>); the message names the line.</exception>
    public string Render(ChatTemplateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new JsonObject();
        foreach (var (key, value) in SpecialTokens)
        {
            context[key] = value?.DeepClone();
        }

        context["messages"] = request.Messages.DeepClone();
        context["tools"] = request.Tools?.DeepClone();
        context["documents"] = null;
        context["add_generation_prompt"] = request.AddGenerationPrompt;
        foreach (var (key, value) in request.Variables ?? [])
        {
            context[key] = value?.DeepClone();
        }

        var templateName = SelectTemplate(request.Tools is not null);
        using var document = JsonDocument.Parse(context.ToJsonString());
        var variables = ((PyDict)JsonValues.FromJson(document.RootElement)!).Items.ToDictionary(p => (string)p.Key!, p => p.Value, StringComparer.Ordinal);
        var evaluator = new Evaluator(Templates.Count == 1 ? Name : $"{Name}[{templateName}]", _timeProvider);
        return evaluator.Render(_compiled[templateName], variables);
    }

    /// <summary>Hugging Face's choice among named templates: <c>tool_use</c> when tools are given and it exists, else <c>default</c>.</summary>
    private string SelectTemplate(bool hasTools)
    {
        if (_compiled.Count == 1)
        {
            return _compiled.Keys.First();
        }

        if (hasTools && _compiled.ContainsKey("tool_use"))
        {
            return "tool_use";
        }

        return _compiled.ContainsKey("default")
            ? "default"
            : throw new TemplateException($"{Name}: no default chat template among {string.Join(", ", _compiled.Keys)}, and none was chosen");
    }
}
