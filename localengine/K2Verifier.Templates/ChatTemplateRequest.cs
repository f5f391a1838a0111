using System.Text.Json.Nodes;

namespace K2Verifier.Templates;

/// <summary>
/// What <c>apply_chat_template</c> receives: the conversation, the tools, whether to open the assistant's turn, and any
/// extra keyword arguments (e.g. <c>enable_thinking</c>, <c>bos_token</c>), which become template variables.
/// </summary>
public sealed record ChatTemplateRequest
{
    /// <summary>The <c>messages</c> list as the chat-completion request has it.</summary>
    public required JsonArray Messages { get; init; }

    /// <summary>The <c>tools</c> list, or null when the request declares none (the template then sees <c>tools</c> as None).</summary>
    public JsonArray? Tools { get; init; }

    /// <summary>Whether to end the prompt with the assistant turn opener. Default: false, as in Hugging Face.</summary>
    public bool AddGenerationPrompt { get; init; }

    /// <summary>Extra template variables; they override the tokenizer's special tokens. Default: none.</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>
    /// Reads a <c>template render</c> input: <c>{"messages", "tools"?, "add_generation_prompt"?, …}</c>, where every other
    /// key becomes a template variable, so a K2-Vendor-Verifier request body works as it is.
    /// </summary>
    public static ChatTemplateRequest FromInput(JsonObject input, bool addGenerationPrompt = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input["messages"] is not JsonArray messages)
        {
            throw new ArgumentException("the input has no \"messages\" list", nameof(input));
        }

        var tools = input["tools"] switch
        {
            null => null,
            JsonArray list => list,
            _ => throw new ArgumentException("\"tools\" must be a list", nameof(input)),
        };
        var variables = new JsonObject();
        foreach (var (key, value) in input)
        {
            if (key is not ("messages" or "tools" or "add_generation_prompt"))
            {
                variables[key] = value?.DeepClone();
            }
        }

        return new ChatTemplateRequest
        {
            Messages = (JsonArray)messages.DeepClone(),
            Tools = (JsonArray?)tools?.DeepClone(),
            AddGenerationPrompt = addGenerationPrompt || input["add_generation_prompt"]?.GetValueKind() == System.Text.Json.JsonValueKind.True,
            Variables = variables,
        };
    }
}
