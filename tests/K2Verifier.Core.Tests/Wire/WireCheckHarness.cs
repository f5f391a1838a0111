using System.Text.Json;
using K2Verifier.Normalization;
using K2Verifier.Preparation;
using K2Verifier.Validation;
using K2Verifier.Wire;

namespace K2Verifier.Core.Tests.Wire;

/// <summary>Runs the wire checks on canned bodies and streams, the way <c>CaseEvaluator</c> does.</summary>
internal static class WireCheckHarness
{
    public const string Tools = """[{"type":"function","function":{"name":"search","parameters":{"type":"object","properties":{"q":{"type":"string"}},"required":["q"]}}}]""";

    private static readonly WireChecker Checker = new(new ToolCallValidator(JsonSchemaValidator.Default));

    public static string Request(string extra = "", string model = "kimi-k2") =>
        $$"""{"model":"{{model}}","messages":[{"role":"user","content":"q"}],"tools":{{Tools}}{{extra}}}""";

    public static string Call(string arguments = """{\"q\":\"x\"}""", string id = "functions.search:0", string name = "search") =>
        $$$"""{"id":"{{{id}}}","type":"function","function":{"name":"{{{name}}}","arguments":"{{{arguments}}}"}}""";

    public static string Body(string finish = "stop", string content = "\"hello\"", string? calls = null, string extraMessage = "", string? choices = null, string usage = """{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}""") =>
        $$"""{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"kimi-k2","choices":{{choices ?? $$"""[{"index":0,"message":{"role":"assistant","content":{{content}}{{(calls is null ? "" : $",\"tool_calls\":[{calls}]")}}{{extraMessage}}},"finish_reason":"{{finish}}"}]"""}},"usage":{{usage}}}""";

    public static IReadOnlyList<WireFinding> NonStream(string request, string body)
    {
        using var req = JsonDocument.Parse(request);
        using var resp = JsonDocument.Parse(body, K2Verifier.Json.JsonText.DeepDocument);
        return Checker.Check(WireRequest.From(req.RootElement), resp.RootElement, null, RequestPreparer.ReadTools(req.RootElement));
    }

    public static IReadOnlyList<WireFinding> Stream(string request, string sse)
    {
        using var req = JsonDocument.Parse(request);
        var normalized = ResponseNormalizer.Normalize(sse, isStream: true, "kimi-k2");
        using var resp = JsonDocument.Parse(normalized.ResponseJson);
        return Checker.Check(WireRequest.From(req.RootElement), resp.RootElement, StreamFactsReader.Read(sse), RequestPreparer.ReadTools(req.RootElement));
    }

    /// <summary>SSE text of <paramref name="chunks"/> (each a JSON chunk or raw data), ending with [DONE] when asked.</summary>
    public static string Sse(bool done, params string[] chunks) =>
        string.Concat(chunks.Select(c => $"data: {c}\n\n")) + (done ? "data: [DONE]\n\n" : string.Empty);

    public static string Chunk(string delta, string finish = "null", string extra = "") =>
        $$"""{"id":"c1","object":"chat.completion.chunk","created":1,"model":"kimi-k2","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{finish}}}]{{extra}}}""";

    public const string UsageChunk = """{"id":"c1","object":"chat.completion.chunk","created":1,"model":"kimi-k2","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";

    public const string StreamOptions = ""","stream":true,"stream_options":{"include_usage":true}""";

    /// <summary>A well-formed stream: role, content, finish, usage, [DONE].</summary>
    public static string GoodStream(string content = "hello", string finish = "\"stop\"") =>
        Sse(true, Chunk("""{"role":"assistant","content":""}"""), Chunk($$"""{"content":"{{content}}"}"""), Chunk("{}", finish), UsageChunk);

    /// <summary>A well-formed stream with one tool call sent in two chunks.</summary>
    public static string CallStream(string second = """{"index":0,"function":{"arguments":"\"x\"}"}}""") =>
        Sse(true,
            Chunk("""{"role":"assistant","content":""}"""),
            Chunk("""{"tool_calls":[{"index":0,"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\":"}}]}"""),
            Chunk($$"""{"tool_calls":[{{second}}]}"""),
            Chunk("{}", "\"tool_calls\""),
            UsageChunk);
}
