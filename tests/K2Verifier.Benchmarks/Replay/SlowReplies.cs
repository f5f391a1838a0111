using System.Text;
using Microsoft.AspNetCore.Http;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>A slow vendor's reply: a tool call after <c>delayMs</c>, or for a stream 10 chunks spread over that time.</summary>
internal static class SlowReplies
{
    private const int Chunks = 10;

    public static async Task WriteAsync(HttpContext context, string tool, bool stream, int delayMs)
    {
        var ct = context.RequestAborted;
        if (!stream)
        {
            await Task.Delay(delayMs, ct);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(
                "{\"id\":\"bench\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"functions."
                + tool + ":0\",\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}]}", ct);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        var head = "{\"id\":\"bench\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"delta\":";
        for (var i = 0; i < Chunks; i++)
        {
            await Task.Delay(delayMs / Chunks, ct);
            var delta = i switch
            {
                0 => "{\"role\":\"assistant\",\"tool_calls\":[{\"index\":0,\"id\":\"functions." + tool + ":0\",\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}",
                Chunks - 1 => "{},\"finish_reason\":\"tool_calls\"}]}",
                1 => "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]},\"finish_reason\":null}]}",
                _ => "{\"content\":\"\"},\"finish_reason\":null}]}",
            };
            await context.Response.WriteAsync("data: " + head + delta + "\n\n", ct);
            await context.Response.Body.FlushAsync(ct);
        }

        await context.Response.WriteAsync("data: [DONE]\n\n", ct);
    }
}
