using System.Diagnostics;
using System.Text;
using K2Verifier.Metrics;
using Microsoft.AspNetCore.Http;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// A slow vendor's reply: a tool call <c>delayMs</c> after the request arrived, or for a stream 10 chunks spread over
/// that time. Each chunk is due at a fixed offset from the request's arrival (chunk i at (i + 1) × delayMs / 10), as a
/// model generating at a steady rate sends them: a timer that fires late on a busy machine delays that chunk, not every
/// chunk after it, so a reply takes delayMs plus one timer's lateness rather than ten. The chunks are encoded once.
/// </summary>
internal static class SlowReplies
{
    private const int Chunks = 10;
    private const string Head = "data: {\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":";
    private static readonly byte[] ContentChunk = Encoding.UTF8.GetBytes(Head + "{\"content\":\"\"},\"finish_reason\":null}]}\n\n");
    private static readonly byte[] ArgumentsChunk = Encoding.UTF8.GetBytes(Head + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}\n\n");
    private static readonly List<long> LateMs = [];
    private static readonly byte[] LastChunk = Encoding.UTF8.GetBytes(Head + "{},\"finish_reason\":\"tool_calls\"}]}\n\ndata: [DONE]\n\n");

    public static async Task WriteAsync(HttpContext context, string tool, bool stream, int delayMs)
    {
        var arrived = Stopwatch.GetTimestamp();
        var ct = context.RequestAborted;
        if (!stream)
        {
            await DelayUntilAsync(arrived, delayMs, ct);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                "{\"id\":\"bench\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"functions."
                + tool + ":0\",\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}", ct);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < Chunks; i++)
        {
            await DelayUntilAsync(arrived, delayMs * (i + 1) / Chunks, ct);
            var chunk = i switch
            {
                0 => Encoding.UTF8.GetBytes(Head + "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"functions." + tool + ":0\",\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}\n\n"),
                1 => ArgumentsChunk,
                Chunks - 1 => LastChunk,
                _ => ContentChunk,
            };
            await context.Response.Body.WriteAsync(chunk, ct);
            await context.Response.Body.FlushAsync(ct);
        }

        var late = (long)Stopwatch.GetElapsedTime(arrived).TotalMilliseconds - delayMs;
        lock (LateMs)
        {
            LateMs.Add(late);
        }
    }

    /// <summary>How late the last chunks went out since the last call (the fake's own lateness on a busy machine), then forgets them.</summary>
    public static string TakeLateness()
    {
        LatencyStats? late;
        lock (LateMs)
        {
            late = Percentiles.Summarize(LateMs);
            LateMs.Clear();
        }

        return late is null
            ? "no streamed replies"
            : FormattableString.Invariant($"last chunk sent late by median {late.P50:0} ms, p90 {late.P90:0} ms, max {late.Max} ms over {late.Count} replies");
    }

    /// <summary>Waits until <paramref name="offsetMs"/> after <paramref name="arrived"/>; at once when that has passed.</summary>
    private static Task DelayUntilAsync(long arrived, int offsetMs, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromMilliseconds(offsetMs) - Stopwatch.GetElapsedTime(arrived);
        return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
    }
}
