using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.Templates;

namespace K2Verifier.OrtGenAI.Serving;

/// <summary>Render → tokenize → budget → Enforcer: everything before generation, failures as rows.</summary>
public sealed partial class OrtGenAIChatBackend
{
    private Preparation Prepare(JsonObject body, ChatRequestSettings settings, long started)
    {
        string prompt;
        try
        {
            prompt = _template.Render(ChatTemplateRequest.FromInput(body, addGenerationPrompt: true) with { Variables = null });
        }
        catch (Exception ex) when (ex is TemplateException or ArgumentException or InvalidOperationException)
        {
            return Preparation.Failed(Fail(started, 400, "invalid_request_error", $"the chat template could not render the request: {ex.Message}"));
        }

        int[] tokens;
        try
        {
            tokens = _engine.Tokenize(prompt);
        }
        catch (OrtGenAIException ex)
        {
            return Preparation.Failed(Fail(started, 500, "server_error", $"tokenization failed: {ex.NativeMessage}"));
        }

        if (tokens.Length == 0)
        {
            return Preparation.Failed(Fail(started, 400, "invalid_request_error", "the rendered prompt has no tokens"));
        }

        if (CompletionBudget.Fit(tokens.Length, _engine.ContextLength, settings.MaxTokens, out var problem) is not { } maxNewTokens)
        {
            return Preparation.Failed(Fail(started, 400, "invalid_request_error", problem!));
        }

        if (!_options.Enforce)
        {
            return new Preparation(tokens, maxNewTokens, null, null);
        }

        try
        {
            var tools = ToolsOf(body);
            var choice = ToolChoice.Parse(body["tool_choice"], tools.Count > 0);
            var grammar = GrammarBudget.Fit(tools, GrammarWithSpecialTokens(), maxNewTokens);
            if (body["parallel_tool_calls"] is JsonValue parallel && parallel.TryGetValue<bool>(out var allowed) && !allowed)
            {
                grammar = grammar with { MaxCalls = 1 };
            }

            var guidance = ToolCallEnforcer.Build(_format.Name, tools, choice, grammar);
            return new Preparation(tokens, maxNewTokens, guidance, null);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            return Preparation.Failed(Fail(started, 400, "invalid_request_error", $"the Enforcer cannot constrain this request: {ex.Message}"));
        }
    }

    /// <summary>The configured grammar bounds, with the tokenizer's special tokens so markers that are tokens are written as tokens.</summary>
    private ToolCallGrammarOptions GrammarWithSpecialTokens()
    {
        var grammar = _options.Grammar ?? new ToolCallGrammarOptions();
        return grammar.SpecialTokens.Count > 0 ? grammar : grammar with { SpecialTokens = _engine.SpecialTokens };
    }

    /// <summary>The declared tools of a body (<c>tools[i].function.name</c> and <c>.parameters</c>).</summary>
    /// <exception cref="FormatException">A tool has no function name.</exception>
    internal static IReadOnlyList<ToolDefinition> ToolsOf(JsonObject body)
    {
        if (body["tools"] is not JsonArray tools)
        {
            return [];
        }

        return [.. tools.Select((tool, i) =>
        {
            var function = tool?["function"] as JsonObject;
            var name = function?["name"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
                ? text
                : throw new FormatException($"tools[{i}] has no function.name");
            return new ToolDefinition(name, function!["parameters"] as JsonObject);
        })];
    }

    /// <summary>The prompt's tokens, the completion budget and the guidance; or the failed response.</summary>
    private sealed record Preparation(int[] PromptTokens, int MaxNewTokens, GenerationGuidance? Guidance, BackendResponse? Failure)
    {
        public static Preparation Failed(BackendResponse failure) => new([], 0, null, failure);
    }
}
