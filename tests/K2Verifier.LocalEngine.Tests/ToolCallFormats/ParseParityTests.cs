using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.LocalEngine.RawCompletions;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.LocalEngine.Tests.TestSupport;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Templates;

namespace K2Verifier.LocalEngine.Tests.ToolCallFormats;

/// <summary>
/// The parse-parity corpus (tests/TestData/ParseParity, transcribed from vLLM's and SGLang's parser tests) through the
/// parse path of <c>--use-raw-completions</c> (<see cref="RawCompletionsBackend"/>) and of <c>--engine local</c>
/// (<see cref="ChatCompletionShaper"/>, streamed and not): every path must give the engine's calls and content, and
/// finish_reason <c>tool_calls</c> exactly when there are calls (the vendor said <c>stop</c>).
/// </summary>
public sealed class ParseParityTests
{
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<ParseParityCase> Cases() => [.. ParseParityCase.All];

    [Fact]
    public void Corpus_HasEveryFormatFromBothEngines()
    {
        var formats = ParseParityCase.All.GroupBy(c => c.Format).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(ToolCallFormatRegistry.Names.Order(StringComparer.Ordinal), formats.Keys.Order(StringComparer.Ordinal));
        Assert.All(formats.Values, cases =>
        {
            Assert.Contains(cases, c => c.Source.StartsWith("vllm-project/vllm ", StringComparison.Ordinal));
            Assert.Contains(cases, c => c.Source.StartsWith("sgl-project/sglang ", StringComparison.Ordinal));
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Parse_CorpusCase_EveryParsePathGivesTheEnginesResult(ParseParityCase testCase)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        var format = ToolCallFormatRegistry.Get(testCase.Format);
        var completion = new GeneratedCompletion
        {
            Id = "chatcmpl-parity",
            Created = 1,
            Model = "m",
            Text = testCase.Text,
            Pieces = [.. testCase.Text.Chunk(3).Select((c, i) => new GeneratedPiece(new string(c), TimeSpan.FromMilliseconds(i)))],
            HitLength = false,
            PromptTokens = 1,
            CompletionTokens = 1,
        };

        var raw = await RawCompletionsAsync(testCase.Text, format);
        var paths = new (string Path, NormalizedResponse Response)[]
        {
            ("raw completions", ResponseNormalizer.Normalize(raw.Body!, isStream: false)),
            ("local engine", ResponseNormalizer.Normalize(ChatCompletionShaper.Body(completion, format), isStream: false)),
            ("local engine, streamed", ResponseNormalizer.Normalize(ChatCompletionShaper.Stream(completion, format).Sse, isStream: true)),
        };

        var problems = new StringBuilder();
        foreach (var (path, response) in paths)
        {
            Compare(path, response, testCase, problems);
        }

        var incomplete = ChatCompletionShaper.Apply(completion, format).Report.IncompleteToolCalls;
        if (raw.Parse?.IncompleteToolCalls != testCase.IncompleteToolCalls || incomplete != testCase.IncompleteToolCalls)
        {
            problems.Append($"\n  incomplete_tool_calls: expected {testCase.IncompleteToolCalls}, raw completions {raw.Parse?.IncompleteToolCalls}, local engine {incomplete}");
        }

        Assert.True(problems.Length == 0, $"{testCase} ({testCase.Source}){(testCase.Note is null ? string.Empty : $"\n  note: {testCase.Note}")}{problems}\n  text: {JsonSerializer.Serialize(testCase.Text, Readable)}");
    }

    private static void Compare(string path, NormalizedResponse response, ParseParityCase testCase, StringBuilder problems)
    {
        var expectedFinish = testCase.Calls.Count > 0 ? "tool_calls" : "stop";
        if (response.FinishReason != expectedFinish)
        {
            problems.Append($"\n  {path}: finish_reason {response.FinishReason}, expected {expectedFinish}");
        }

        var calls = response.ToolCalls ?? [];
        if (calls.Count != testCase.Calls.Count)
        {
            problems.Append($"\n  {path}: {calls.Count} call(s) [{string.Join(", ", calls.Select(c => c.Name))}], expected {testCase.Calls.Count} [{string.Join(", ", testCase.Calls.Select(c => c.Name))}]");
        }

        foreach (var (actual, expected) in calls.Zip(testCase.Calls))
        {
            var arguments = actual.Arguments is { ValueKind: JsonValueKind.String } text ? text.GetString()! : actual.Arguments?.GetRawText() ?? string.Empty;
            if (actual.Name != expected.Name || (expected.Id is not null && actual.Id != expected.Id) || !SameArguments(arguments, expected.Arguments))
            {
                problems.Append($"\n  {path}: call {actual.Id} {actual.Name}({arguments}), expected {expected.Id} {expected.Name}({expected.Arguments})");
            }
        }

        var content = string.IsNullOrEmpty(response.Content) ? null : response.Content;
        if (content != testCase.Content)
        {
            problems.Append($"\n  {path}: content {JsonSerializer.Serialize(content, Readable)}, expected {JsonSerializer.Serialize(testCase.Content, Readable)}");
        }
    }

    private static bool SameArguments(string actual, string expected)
    {
        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(actual), JsonNode.Parse(expected));
        }
        catch (JsonException)
        {
            return actual == expected;
        }
    }

    private static async Task<BackendResponse> RawCompletionsAsync(string text, IToolCallFormat format)
    {
        var completions = new JsonObject
        {
            ["id"] = "cmpl-parity",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["text"] = text, ["finish_reason"] = "stop" }),
        };
        using var backend = new RawCompletionsBackend(new CannedBackend(completions.ToJsonString()), ChatTemplate.FromText("{{ messages[0].content }}", "parity"), format);
        const string chat = """{"model":"m","messages":[{"role":"user","content":"hi"}]}""";
        var request = new PreparedRequest(1, new SourceLocation("parity", 1), chat, "{}", chat, "hash", false, []);
        var response = await backend.SendAsync(request, CancellationToken.None);
        Assert.True(response.IsSuccess, response.Failure?.Message);
        return response;
    }

    private sealed class CannedBackend(string body) : IChatBackend
    {
        public Task<BackendResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(new BackendResponse { StatusCode = 200, Body = body });
    }
}
