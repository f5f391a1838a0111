using System.Text;
using Microsoft.AspNetCore.Http;

namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>Writes SSE to a response, flushing each piece so the client sees it at once.</summary>
public static class FakeSse
{
    /// <summary>Sends status 200 and the <c>text/event-stream</c> headers.</summary>
    public static async Task StartAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.StartAsync(cancellationToken);
    }

    /// <summary>Writes <c>data: PAYLOAD</c> and a blank line.</summary>
    public static Task DataAsync(HttpContext context, string payload, CancellationToken cancellationToken) =>
        RawAsync(context, "data: " + payload + "\n\n", cancellationToken);

    /// <summary>Writes <c>data: [DONE]</c>.</summary>
    public static Task DoneAsync(HttpContext context, CancellationToken cancellationToken) =>
        DataAsync(context, "[DONE]", cancellationToken);

    /// <summary>Writes text as is (comments, <c>event:</c> lines, broken framing) and flushes.</summary>
    public static async Task RawAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
