using System.Text.Json.Nodes;

namespace K2Verifier.Templates.Tests;

public sealed class ChatTemplateTests
{
    private static string Render(string source, string variables = "{}", string name = "t.jinja") =>
        ChatTemplate.FromText(source, name).Render(new ChatTemplateRequest { Messages = [], Variables = (JsonObject)JsonNode.Parse(variables)! });

    [Fact]
    public void FromText_SyntaxError_NamesTemplateAndLine()
    {
        var error = Assert.Throws<TemplateException>(() => ChatTemplate.FromText("line 1\n{% if x %}\nline 3\n{% endfor %}", "bad.jinja"));

        Assert.Equal(TemplateErrorKind.Syntax, error.Kind);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("bad.jinja:4: syntax error:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RuntimeError_NamesLine()
    {
        var error = Assert.Throws<TemplateException>(() => Render("ok\n\n{{ 1 + 'a' }}"));

        Assert.Equal(3, error.Line);
        Assert.Equal(TemplateErrorKind.Runtime, error.Kind);
    }

    [Fact]
    public void Render_RaiseException_CarriesMessage()
    {
        var error = Assert.Throws<TemplateException>(() => Render("{% if n > 1 %}\n{{ raise_exception('Only one message: ' ~ n) }}{% endif %}", "{\"n\": 2}"));

        Assert.Equal(TemplateErrorKind.Raised, error.Kind);
        Assert.Equal("Only one message: 2", error.Detail);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Render_UndefinedAttributeOfUndefined_FailsAsJinja2DefaultUndefinedDoes()
    {
        Assert.Equal("|", Render("{{ missing }}|{{ d.missing }}", "{\"d\": {}}"));
        Assert.Equal(TemplateErrorKind.Undefined, Assert.Throws<TemplateException>(() => Render("{{ d.missing.deeper }}", "{\"d\": {}}")).Kind);
    }

    [Fact]
    public void Render_Sandbox_HidesDunderAndRefusesMutation()
    {
        Assert.Equal(string.Empty, Render("{{ s.__class__ }}{{ s.__len__ }}", "{\"s\": \"x\"}"));
        Assert.Equal(TemplateErrorKind.Security, Assert.Throws<TemplateException>(() => Render("{{ l.append(1) }}", "{\"l\": []}")).Kind);
    }

    [Fact]
    public void Render_StrftimeNow_UsesInjectedTime()
    {
        var time = new FixedTime(new DateTimeOffset(2025, 11, 15, 9, 5, 0, TimeSpan.Zero));
        var template = ChatTemplate.FromText("{{ strftime_now('%Y-%m-%d %H:%M %b %-d') }}", timeProvider: time);

        Assert.Equal("2025-11-15 09:05 Nov 15", template.Render(new ChatTemplateRequest { Messages = [] }));
    }

    [Fact]
    public void FromTokenizerConfig_NamedTemplates_PicksToolUseOnlyWithTools()
    {
        var config = (JsonObject)JsonNode.Parse("""
            {"chat_template": [{"name": "default", "template": "D{{ bos_token }}"}, {"name": "tool_use", "template": "T{{ eos_token }}"}],
             "bos_token": {"__type": "AddedToken", "content": "<s>"}, "eos_token": "</s>"}
            """)!;
        var template = ChatTemplate.FromTokenizerConfig(config);

        Assert.Equal("D<s>", template.Render(new ChatTemplateRequest { Messages = [] }));
        Assert.Equal("T</s>", template.Render(new ChatTemplateRequest { Messages = [], Tools = [] }));
        Assert.Equal("D<b>", template.Render(new ChatTemplateRequest { Messages = [], Variables = new JsonObject { ["bos_token"] = "<b>" } }));
    }

    [Fact]
    public void FromInput_RequestBody_ExtraKeysBecomeVariables()
    {
        var input = (JsonObject)JsonNode.Parse("""{"model": "kimi", "messages": [{"role": "user", "content": "hi"}], "add_generation_prompt": true}""")!;
        var template = ChatTemplate.FromText("{{ model }}|{{ messages[0].content }}|{{ tools }}|{{ add_generation_prompt }}|{{ documents }}");

        Assert.Equal("kimi|hi|None|True|None", template.Render(ChatTemplateRequest.FromInput(input)));
        Assert.Throws<ArgumentException>(() => ChatTemplateRequest.FromInput(new JsonObject()));
    }

    [Fact]
    public void Render_KimiTemplate_AddGenerationPromptOpensAssistantTurn()
    {
        // vLLM bug #1 (DESIGN.md): without add_generation_prompt the prompt does not end with the assistant opener.
        var template = ChatTemplate.Load(Repository.Shared("templates", "kimi-k2-original.jinja"));
        var request = new ChatTemplateRequest { Messages = [new JsonObject { ["role"] = "user", ["content"] = "hi" }] };

        Assert.EndsWith("<|im_assistant|>assistant<|im_middle|>", template.Render(request with { AddGenerationPrompt = true }), StringComparison.Ordinal);
        Assert.EndsWith("hi<|im_end|>", template.Render(request), StringComparison.Ordinal);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
