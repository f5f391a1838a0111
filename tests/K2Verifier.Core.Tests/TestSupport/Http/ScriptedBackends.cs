using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.TestSupport.Http;

/// <summary>An <see cref="HttpChatBackend"/> on a <see cref="ScriptedHandler"/> and a <see cref="VirtualClock"/>, and small requests for it.</summary>
public static class ScriptedBackends
{
    public static readonly Uri BaseUrl = new("http://vendor.invalid/v1");

    /// <summary>Production budgets and delays; a 10 s per-attempt timeout.</summary>
    public static HttpBackendOptions Options() => new() { BaseUrl = BaseUrl, Timeout = TimeSpan.FromSeconds(10) };

    public static HttpChatBackend Create(ScriptedHandler handler, TimeProvider clock, Func<HttpBackendOptions, HttpBackendOptions>? configure = null) =>
        new(configure is null ? Options() : configure(Options()), clock, handler);

    public static PreparedRequest Chat(int dataIndex = 1, bool stream = false)
    {
        string json = $$"""{"model":"m","messages":[{"role":"user","content":"case {{dataIndex}}"}],"stream":{{(stream ? "true" : "false")}}}""";
        return new PreparedRequest(dataIndex, new SourceLocation("scripted.jsonl", dataIndex), json, "{}", json, "hash", stream, []);
    }

    /// <summary>A token that ends a hung test (never reached when the code works).</summary>
    public static CancellationTokenSource Deadline() => new(TimeSpan.FromSeconds(30));
}
