using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>
/// Ready-made <see cref="FakeBehavior"/>s. A reply is streamed when the request says <c>"stream": true</c> and
/// shaped for the endpoint it came to (chat.completion or text_completion). Behaviours that vary over retries
/// (<see cref="Sequence"/>, <see cref="FailTimes"/>, <see cref="RandomFaults"/>) use
/// <see cref="FakeRequest.AttemptForKey"/>, so they are deterministic per key whatever the concurrency.
/// </summary>
public static class FakeReplies
{
    /// <summary>The tool the fake's requests declare (see <see cref="FakeVendorRequests"/>).</summary>
    public const string DeclaredTool = "get_weather";

    /// <summary>Answers with <paramref name="completion"/>: a JSON body, or SSE chunks then <c>[DONE]</c>.</summary>
    public static FakeBehavior Reply(FakeCompletion completion, string name = "reply") => new(name, async (request, context, ct) =>
    {
        if (!request.Stream)
        {
            await JsonAsync(context, StatusCodes.Status200OK, FakeWire.Body(completion, request), ct);
            return;
        }

        await FakeSse.StartAsync(context, ct);
        foreach (string chunk in FakeWire.Chunks(completion, request))
        {
            await FakeSse.DataAsync(context, chunk, ct);
        }

        await FakeSse.DoneAsync(context, ct);
    });

    /// <summary>Plain text, finish_reason <c>stop</c>.</summary>
    public static FakeBehavior Stop(string content = "The weather is fine.") =>
        Reply(new FakeCompletion { Content = content }, "stop");

    /// <summary>Thinking then text, finish <c>stop</c> (streams carry <c>reasoning_content</c> deltas).</summary>
    public static FakeBehavior Reasoning(string reasoning = "The user asks about weather.", string content = "Sunny.") =>
        Reply(new FakeCompletion { ReasoningContent = reasoning, Content = content }, "reasoning");

    /// <summary>Tool calls with finish <c>tool_calls</c>; streamed, each call's arguments are split over several deltas by index.</summary>
    public static FakeBehavior ToolCalls(params FakeToolCall[] calls) =>
        Reply(new FakeCompletion { ToolCalls = calls, FinishReason = "tool_calls" }, "tool_calls");

    /// <summary>One valid call of the declared tool: <c>get_weather({"city":"Paris"})</c>.</summary>
    public static FakeBehavior ValidToolCall() => ToolCalls(new FakeToolCall(DeclaredTool, """{"city": "Paris"}"""));

    /// <summary>A call whose arguments are not JSON (cut off mid-object).</summary>
    public static FakeBehavior ArgumentsNotJson() => ToolCalls(new FakeToolCall(DeclaredTool, """{"city": "Par"""));

    /// <summary>A call to a tool the request does not declare.</summary>
    public static FakeBehavior UndeclaredTool(string name = "launch_rocket") => ToolCalls(new FakeToolCall(name, """{"target": "moon"}"""));

    /// <summary>finish_reason <c>tool_calls</c> with <c>"tool_calls": []</c>.</summary>
    public static FakeBehavior EmptyToolCalls() =>
        Reply(new FakeCompletion { ToolCalls = [], FinishReason = "tool_calls" }, "empty_tool_calls");

    /// <summary>finish_reason <c>length</c> with a cut-off text.</summary>
    public static FakeBehavior Length(string partial = "The weather in Paris is usually") =>
        Reply(new FakeCompletion { Content = partial, FinishReason = "length" }, "length");

    /// <summary>An HTTP error with an OpenAI-style error body and optional <c>Retry-After</c>.</summary>
    public static FakeBehavior Status(int status, string? body = null, string? retryAfter = null) =>
        new(string.Create(CultureInfo.InvariantCulture, $"status-{status}"), (_, context, ct) =>
        {
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            return JsonAsync(context, status, body ?? string.Create(CultureInfo.InvariantCulture,
                $$$"""{"error":{"message":"fake vendor error {{{status}}}","type":"fake_error","code":{{{status}}}}}"""), ct);
        });

    /// <summary>HTTP 429 with <c>Retry-After</c> (seconds or an HTTP date).</summary>
    public static FakeBehavior RateLimited(string retryAfter = "1") => Status(StatusCodes.Status429TooManyRequests, retryAfter: retryAfter);

    /// <summary>HTTP 500 (or another 5xx).</summary>
    public static FakeBehavior ServerError(int status = StatusCodes.Status500InternalServerError) => Status(status);

    /// <summary>The n-th request for a key gets the n-th step; the last step repeats.</summary>
    public static FakeBehavior Sequence(params FakeBehavior[] steps)
    {
        if (steps.Length == 0)
        {
            throw new ArgumentException("A sequence needs at least one step.", nameof(steps));
        }

        return new("sequence(" + string.Join(", ", steps.Select(s => s.Name)) + ")", (request, context, ct) =>
            steps[Math.Min(request.AttemptForKey, steps.Length) - 1].ExecuteAsync(request, context, ct));
    }

    /// <summary><paramref name="failure"/> for the first <paramref name="times"/> requests of a key, then <paramref name="then"/>.</summary>
    public static FakeBehavior FailTimes(int times, FakeBehavior failure, FakeBehavior? then = null) =>
        Sequence([.. Enumerable.Repeat(failure, times), then ?? Stop()]);

    /// <summary>Aborts the connection before any response (the client sees a reset / premature end).</summary>
    public static FakeBehavior ConnectionReset() => new("connection-reset", (_, context, _) =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    /// <summary>A 200 stream with a few content deltas, then the response ends: no finish_reason, no <c>[DONE]</c>.</summary>
    public static FakeBehavior TruncatedStream(int deltas = 3) => new("truncated-stream", async (request, context, ct) =>
    {
        await FakeSse.StartAsync(context, ct);
        var completion = new FakeCompletion { Content = "This answer never ends because the", ChunksPerText = deltas };
        foreach (string chunk in FakeWire.Chunks(completion, request with { IncludeUsage = false }).Take(deltas + 1))
        {
            await FakeSse.DataAsync(context, chunk, ct);
        }

        // The response simply ends: an abort (RST) could make the client's kernel drop deltas it has not read yet, and
        // no fixed wait makes that safe on a loaded machine. A mid-body reset is tested on a scripted handler.
    });

    /// <summary>A valid stream interleaved with keep-alive comments, <c>event:</c> lines and a non-JSON data event.</summary>
    public static FakeBehavior NoisyStream(FakeCompletion? completion = null) => new("noisy-stream", async (request, context, ct) =>
    {
        completion ??= new FakeCompletion { Content = "Noisy but fine." };
        await FakeSse.StartAsync(context, ct);
        await FakeSse.RawAsync(context, ": ping\n\n", ct);
        await FakeSse.RawAsync(context, "event: message\n", ct);
        IReadOnlyList<string> chunks = FakeWire.Chunks(completion, request);
        for (int i = 0; i < chunks.Count; i++)
        {
            await FakeSse.DataAsync(context, chunks[i], ct);
            if (i == 0)
            {
                await FakeSse.RawAsync(context, ": keep-alive\r\n\r\n", ct);
                await FakeSse.DataAsync(context, "this is not json", ct);
            }
        }

        await FakeSse.DoneAsync(context, ct);
    });

    /// <summary>A complete stream with a finish_reason whose connection simply ends, without <c>[DONE]</c>.</summary>
    public static FakeBehavior StreamWithoutDone(FakeCompletion? completion = null) => new("stream-without-done", async (request, context, ct) =>
    {
        await FakeSse.StartAsync(context, ct);
        foreach (string chunk in FakeWire.Chunks(completion ?? new FakeCompletion { Content = "No done marker." }, request))
        {
            await FakeSse.DataAsync(context, chunk, ct);
        }
    });

    /// <summary>Waits <paramref name="delay"/> (giving up when the client goes away), then behaves as <paramref name="then"/>.</summary>
    public static FakeBehavior Slow(TimeSpan delay, FakeBehavior? then = null) => new("slow", async (request, context, ct) =>
    {
        try
        {
            await Task.Delay(delay, ct);
        }
        catch (OperationCanceledException)
        {
            return; // the client timed out or the server stops
        }

        await (then ?? Stop()).ExecuteAsync(request, context, ct);
    });

    /// <summary>HTTP 200 with a body that is not JSON.</summary>
    public static FakeBehavior NonJson(string body = "<html><body>502 Bad Gateway</body></html>", string contentType = "text/html") =>
        new("non-json", async (_, context, ct) =>
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), ct);
        });

    /// <summary>
    /// Random faults with a fixed seed: each (key, attempt) draws from a stable hash of <paramref name="seed"/>, so a
    /// run is reproducible whatever the concurrency. A fault is one of 500, 503, 429 (<c>Retry-After: 0</c>), a
    /// connection reset, or (for streams) a truncated stream; otherwise <paramref name="success"/>.
    /// </summary>
    public static FakeBehavior RandomFaults(int seed, double faultRate = 0.3, FakeBehavior? success = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(faultRate, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(faultRate, 1.0);
        success ??= Stop();
        FakeBehavior[] faults = [ServerError(), ServerError(StatusCodes.Status503ServiceUnavailable), RateLimited("0"), ConnectionReset(), TruncatedStream(2)];
        return new(string.Create(CultureInfo.InvariantCulture, $"random-faults(seed {seed}, rate {faultRate})"), (request, context, ct) =>
        {
            ulong hash = StableHash(seed, request.Key, request.AttemptForKey);
            double draw = (hash >> 11) * (1.0 / (1UL << 53));
            if (draw >= faultRate)
            {
                return success.ExecuteAsync(request, context, ct);
            }

            FakeBehavior fault = faults[(int)(hash % (ulong)faults.Length)];
            return (fault == faults[^1] && !request.Stream ? ServerError(StatusCodes.Status502BadGateway) : fault).ExecuteAsync(request, context, ct);
        });
    }

    internal static async Task JsonAsync(HttpContext context, int status, string body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body), cancellationToken);
    }

    /// <summary>FNV-1a over seed, key and attempt, then a SplitMix64 finaliser (string.GetHashCode is randomised per process).</summary>
    private static ulong StableHash(int seed, string key, int attempt)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in string.Create(CultureInfo.InvariantCulture, $"{seed}\u0001{key}\u0001{attempt}"))
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }
}
