using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.Datasets.Generation.Catalog;
using K2Verifier.Datasets.Generation.Text;

namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>
/// Builds one conversation: the language and id style are drawn once, then messages are appended in order and
/// historical tool calls are numbered across the conversation from 0, as Kimi's template expects.
/// </summary>
internal sealed class ConversationBuilder
{
    private static readonly string[] InputContextEn = ["User locale: en-US. Timezone: America/Los_Angeles.", "Retrieved memory: the user prefers metric units and short answers."];
    private static readonly string[] InputContextZh = ["用户所在地：上海，时区 Asia/Shanghai。", "检索到的记忆：用户喜欢简短的回答。"];
    private readonly JsonArray _messages = [];
    private int _callIndex;

    public ConversationBuilder(SeededRandom rng)
    {
        Rng = rng;
        var draw = rng.Next(100);
        Language = draw < 50 ? Language.English : draw < 85 ? Language.Chinese : Language.Mixed;
        var mixedUserChinese = rng.Chance(0.5);
        UserPool = Language switch { Language.English => EnglishText.Pool, Language.Chinese => ChineseText.Pool, _ => mixedUserChinese ? ChineseText.Pool : EnglishText.Pool };
        SystemPool = Language == Language.Mixed ? (mixedUserChinese ? EnglishText.Pool : ChineseText.Pool) : UserPool;
        var style = rng.Next(100);
        IdStyle = style < 67 ? ToolIdStyle.Canonical : style < 92 ? ToolIdStyle.NameIndex : ToolIdStyle.OpenAiCall;
    }

    public SeededRandom Rng { get; }

    public Language Language { get; }

    public TextPool UserPool { get; }

    public TextPool SystemPool { get; }

    public ToolIdStyle IdStyle { get; }

    public bool HasHistoricalCalls => _callIndex > 0;

    public JsonArray Messages => _messages;

    /// <summary>The user-language text of an example.</summary>
    public string Ask(ToolExample example) => ReferenceEquals(UserPool, ChineseText.Pool) ? example.Zh : example.En;

    /// <summary>A system prompt (80 %), sometimes followed by an <c>_input</c> context message (10 %).</summary>
    public ConversationBuilder System()
    {
        if (Rng.Chance(0.8))
        {
            _messages.Add((JsonNode)Message("system", Rng.Pick(SystemPool.SystemPrompts)));
        }

        if (Rng.Chance(0.10))
        {
            _messages.Add((JsonNode)Message("_input", Rng.Pick(ReferenceEquals(UserPool, ChineseText.Pool) ? InputContextZh : InputContextEn)));
        }

        return this;
    }

    /// <summary>A user turn; 10 % are written as a list of text parts.</summary>
    public ConversationBuilder User(string text)
    {
        JsonNode content = Rng.Chance(0.10)
            ? new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text })
            : JsonValue.Create(text);
        _messages.Add((JsonNode)new JsonObject { ["role"] = "user", ["content"] = content });
        return this;
    }

    /// <summary>A plain assistant answer.</summary>
    public ConversationBuilder Assistant(string text)
    {
        _messages.Add((JsonNode)Message("assistant", text));
        return this;
    }

    /// <summary>An assistant turn calling <paramref name="calls"/>, then one tool message answering each.</summary>
    public ConversationBuilder CallsAndResults(params (ToolSpec Tool, ToolExample Example)[] calls)
    {
        var assistant = new JsonObject { ["role"] = "assistant", ["content"] = Rng.Chance(0.85) ? string.Empty : null };
        if (Rng.Chance(0.2))
        {
            assistant["reasoning_content"] = Rng.Pick(UserPool.Reasoning);
        }

        var toolCalls = new JsonArray();
        var ids = new List<string>();
        foreach (var (tool, example) in calls)
        {
            var id = NextId(tool.Name);
            ids.Add(id);
            toolCalls.Add((JsonNode)new JsonObject
            {
                ["id"] = id,
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = tool.Name, ["arguments"] = example.ArgumentsJson },
            });
        }

        assistant["tool_calls"] = toolCalls;
        _messages.Add((JsonNode)assistant);
        for (var i = 0; i < calls.Length; i++)
        {
            _messages.Add((JsonNode)new JsonObject { ["role"] = "tool", ["tool_call_id"] = ids[i], ["name"] = calls[i].Tool.Name, ["content"] = calls[i].Example.Result });
        }

        return this;
    }

    /// <summary>With probability <paramref name="chance"/>, a finished earlier exchange (ask, call, result, answer) with a non-generic tool; returns the tool.</summary>
    public ToolSpec? MaybeHistory(double chance)
    {
        if (!Rng.Chance(chance))
        {
            return null;
        }

        // Not a search or code tool: those could serve the follow-up question too, blurring its "no tool" label.
        var earlier = ToolOffer.PickExample(Rng, t => t.Domain is not ("search" or "code"));
        User(Ask(earlier.Example)).CallsAndResults(earlier).Assistant(Rng.Pick(UserPool.AfterResult));
        return earlier.Tool;
    }

    private string NextId(string name)
    {
        var index = _callIndex++;
        return IdStyle switch
        {
            ToolIdStyle.Canonical => string.Create(CultureInfo.InvariantCulture, $"functions.{name}:{index}"),
            ToolIdStyle.NameIndex => string.Create(CultureInfo.InvariantCulture, $"{name}:{index}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"call_{Rng.NextUInt64():x16}"),
        };
    }

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };
}
