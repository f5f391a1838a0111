using System.Text.Json.Nodes;

namespace K2Verifier.Templates.Tests.TestSupport;

/// <summary>A generated conversation: apply_chat_template's arguments.</summary>
internal sealed record Conversation(int Id, JsonArray Messages, JsonArray? Tools, JsonObject? Kwargs);

/// <summary>
/// A seeded corpus of chat conversations covering what vendors send: tools or none, tool-call history with arguments
/// as strings and as objects, empty, null and list-of-parts content, malformed ids (<c>search:0</c>),
/// <c>reasoning_content</c>, names, Chinese text, empty conversations.
/// </summary>
internal static class ConversationCorpus
{
    private static readonly string[] Texts =
    [
        "What's the weather in Paris?", "帮我查一下北京明天的天气。", "Summarise: \"quotes\", back\\slash and\ttab.",
        "", "  leading and trailing spaces  ", "line one\nline two\n", "<tool_response>cached</tool_response>",
        "Use {{ braces }} and {% tags %} literally", "数学：1+1=2？", "emoji 😀 and café", "</think>odd marker",
        "<think>\nplan it\n</think>\n\nThe answer is 4.",
    ];

    private static readonly string[] ToolNames = ["search", "get_weather", "calculator", "send_email", "数据查询"];

    public static IReadOnlyList<Conversation> Generate(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(id => Next(id, random))];
    }

    /// <summary>Half the conversations are "clean" (string contents only), which every template renders.</summary>
    private static Conversation Next(int id, Random random)
    {
        var clean = random.Next(2) == 0;
        var tools = random.Next(4) switch
        {
            0 => null,
            1 => new JsonArray(),
            _ => new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(i => Tool(ToolNames[(i + id) % ToolNames.Length], random))]),
        };
        var messages = new JsonArray();
        var turns = random.Next(10) == 0 ? 0 : random.Next(1, 7);
        if (turns > 0 && random.Next(2) == 0)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = random.Next(3) == 0 ? "你是一个乐于助人的助手。" : "You are a helpful assistant." });
        }

        for (var turn = 0; turn < turns; turn++)
        {
            messages.Add(new JsonObject { ["role"] = "user", ["content"] = clean ? Texts[random.Next(Texts.Length)] : Content(random, allowNull: false) });
            if (turn == turns - 1 && random.Next(2) == 0)
            {
                break;
            }

            if (random.Next(2) == 0)
            {
                AddToolRound(messages, random, clean);
            }

            messages.Add(Assistant(random, withCalls: false, clean));
        }

        JsonObject? kwargs = random.Next(5) switch
        {
            0 => new JsonObject { ["enable_thinking"] = random.Next(2) == 0 },
            1 => new JsonObject { ["bos_token"] = "<s>", ["model"] = "kimi-k2", ["temperature"] = 0.6 },
            _ => null,
        };
        return new Conversation(id, messages, tools, kwargs);
    }

    private static void AddToolRound(JsonArray messages, Random random, bool clean)
    {
        var assistant = Assistant(random, withCalls: true, clean);
        messages.Add(assistant);
        foreach (var call in (JsonArray)assistant["tool_calls"]!)
        {
            var result = new JsonObject
            {
                ["role"] = "tool",
                ["tool_call_id"] = call!["id"]!.DeepClone(),
                ["content"] = !clean && random.Next(4) == 0 ? Parts(random) : random.Next(2) == 0 ? "{\"temperature\": 21.5, \"unit\": \"°C\"}" : "结果：成功",
            };
            if (random.Next(3) == 0)
            {
                result["name"] = call["function"]!["name"]!.DeepClone();
            }

            messages.Add(result);
        }
    }

    private static JsonObject Assistant(Random random, bool withCalls, bool clean)
    {
        var content = clean ? Texts[random.Next(Texts.Length)] : withCalls && random.Next(2) == 0 ? null : Content(random, allowNull: true);
        var message = new JsonObject { ["role"] = "assistant", ["content"] = content };
        if (random.Next(4) == 0)
        {
            message["reasoning_content"] = random.Next(3) == 0 ? null : "先想一想。Let me think.";
        }

        if (random.Next(6) == 0)
        {
            message["name"] = "Kimi";
        }

        if (withCalls)
        {
            message["tool_calls"] = new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(i => (JsonNode)ToolCall(i, random))]);
        }

        return message;
    }

    private static JsonObject ToolCall(int index, Random random)
    {
        var name = ToolNames[random.Next(ToolNames.Length)];
        var arguments = new JsonObject { ["query"] = random.Next(2) == 0 ? "上海 weather" : "x \"quoted\"", ["limit"] = random.Next(1, 10), ["ratio"] = 0.5 };
        var id = random.Next(4) switch
        {
            0 => $"{name}:{index}",
            1 => $"call_{random.Next(100000):x}",
            _ => $"functions.{name}:{index}",
        };
        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = name,
                ["arguments"] = random.Next(3) == 0 ? arguments : arguments.ToJsonString(),
            },
        };
    }

    private static JsonNode? Content(Random random, bool allowNull) => random.Next(8) switch
    {
        0 when allowNull => null,
        1 => Parts(random),
        2 => string.Empty,
        _ => Texts[random.Next(Texts.Length)],
    };

    private static JsonArray Parts(Random random)
    {
        var parts = new JsonArray { new JsonObject { ["type"] = "text", ["text"] = Texts[random.Next(Texts.Length)] } };
        if (random.Next(3) == 0)
        {
            parts.Add(new JsonObject { ["type"] = "image_url", ["image_url"] = new JsonObject { ["url"] = "https://example.com/a.png" } });
        }

        if (random.Next(4) == 0)
        {
            parts.Add(new JsonObject { ["type"] = "text", ["text"] = string.Empty });
        }

        return parts;
    }

    private static JsonObject Tool(string name, Random random) => new()
    {
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = name,
            ["description"] = random.Next(2) == 0 ? $"Look things up with {name}." : "查询信息，返回 JSON。",
            ["parameters"] = new JsonObject
            {
                ["type"] = "object",
                ["properties"] = new JsonObject
                {
                    ["query"] = new JsonObject { ["type"] = "string", ["description"] = "what to look for" },
                    ["limit"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1, ["default"] = 5 },
                    ["ratio"] = new JsonObject { ["type"] = "number", ["maximum"] = 1.0, ["multipleOf"] = 1e-05 },
                },
                ["required"] = new JsonArray("query"),
            },
        },
    };
}
