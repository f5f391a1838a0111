using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace K2Verifier.Core.Tests.TestSupport.Http;

/// <summary>Ready-made <see cref="ScriptedReply"/>s: completions, statuses with headers, broken connections, slow and stalled replies.</summary>
public static class ScriptedReplies
{
    public const string StopBody = """{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hello"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}""";

    public static ScriptedReply Stop() => Json(HttpStatusCode.OK, StopBody);

    public static ScriptedReply Json(HttpStatusCode status, string body, params (string Name, string Value)[] headers) => (_, _) =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach ((string name, string value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return Task.FromResult(response);
    };

    /// <summary>HTTP 429, with <c>Retry-After: <paramref name="retryAfter"/></c> when given.</summary>
    public static ScriptedReply RateLimited(string? retryAfter = null) => retryAfter is null
        ? Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"rate limited"}}""")
        : Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"rate limited"}}""", ("Retry-After", retryAfter));

    public static ScriptedReply ServerError(int status = 500) =>
        Json((HttpStatusCode)status, "{\"error\":{\"message\":\"scripted error " + status + "\"}}");

    /// <summary>The connection is refused, as a closed port refuses it.</summary>
    public static ScriptedReply ConnectionRefused() => (_, _) =>
        throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:1)", new SocketException((int)SocketError.ConnectionRefused));

    /// <summary>No answer until the attempt is cancelled (its timeout or the caller).</summary>
    public static ScriptedReply Hang() => async (_, ct) =>
    {
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        throw new InvalidOperationException("unreachable");
    };

    /// <summary>Waits <paramref name="delay"/> on <paramref name="clock"/> (a virtual clock moves at once), then answers as <paramref name="then"/>; a cancelled attempt ends it.</summary>
    public static ScriptedReply Slow(TimeProvider clock, TimeSpan delay, ScriptedReply? then = null) => async (call, ct) =>
    {
        await Task.Delay(delay, clock, CancellationToken.None);
        ct.ThrowIfCancellationRequested();
        return await (then ?? Stop())(call, ct);
    };

    /// <summary>A 200 stream that sends <paramref name="events"/> and then nothing until the attempt is cancelled.</summary>
    public static ScriptedReply StalledStream(params string[] events) => (_, _) =>
    {
        var pipe = new Pipe();
        foreach (string data in events)
        {
            pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes($"data: {data}\n\n"), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/event-stream");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    };

    /// <summary>Answers each call in turn with one of <paramref name="replies"/>, the last one repeating.</summary>
    public static ScriptedReply Sequence(params ScriptedReply[] replies)
    {
        int next = 0;
        return (call, ct) => replies[Math.Min(Interlocked.Increment(ref next), replies.Length) - 1](call, ct);
    }
}
