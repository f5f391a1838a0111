using K2Verifier.Backends;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>A backend answering from a script keyed by data_index; no network.</summary>
internal sealed class FakeBackend(Func<PreparedRequest, CancellationToken, Task<BackendResponse>> script) : IChatBackend
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<BackendResponse> SendAsync(PreparedRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return script(request, cancellationToken);
    }

    public static BackendResponse Stop(string content = "hello") =>
        Ok($$$"""{"choices":[{"message":{"content":"{{{content}}}"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""");

    public static BackendResponse ToolCall(string name, string arguments) =>
        Ok($$$"""{"choices":[{"message":{"content":"","tool_calls":[{"id":"functions.{{{name}}}:0","type":"function","function":{"name":"{{{name}}}","arguments":{{{System.Text.Json.JsonSerializer.Serialize(arguments)}}}}}]},"finish_reason":"tool_calls"}]}""");

    public static BackendResponse Ok(string body) => new() { StatusCode = 200, Body = body, DurationMs = 5 };

    public static BackendResponse Failed(BackendFailureCategory category = BackendFailureCategory.HttpStatus) =>
        new() { StatusCode = 500, Body = "oops", Attempts = 4, DurationMs = 50, Failure = new BackendFailure(category, "HTTP 500 after 4 attempts", 500) };
}
