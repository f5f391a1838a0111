using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// An OpenAI-compatible endpoint that answers at once: a tool call of the request's first declared tool with empty
/// arguments (so the harness parses, normalises and validates for real). Runs in its own process, on 127.0.0.1,
/// until its standard input closes; prints <c>listening URL</c> when ready. <c>--rate R</c> makes it a rate-limited
/// vendor (<see cref="VendorBucket"/>: 429 with <c>Retry-After: 1</c> beyond R requests/s); <c>--delay-ms D</c> a slow
/// one (<see cref="SlowReplies"/>: D ms per reply, a stream in 10 chunks).
/// </summary>
internal static class InstantFakeServer
{
    private static readonly byte[] NameMarker = "\"name\":\""u8.ToArray();

    private static VendorBucket? s_bucket;
    private static int s_delayMs;

    public static async Task<int> RunAsync(string[] args)
    {
        s_bucket = ArgValue(args, "--rate") is { } rate ? new VendorBucket(double.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)) : null;
        s_delayMs = ArgValue(args, "--delay-ms") is { } delay ? int.Parse(delay, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapPost("/v1/chat/completions", HandleAsync);
        app.MapGet("/v1/lateness", () => SlowReplies.TakeLateness());
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine($"listening {address}/v1");
        await Console.Out.FlushAsync();
        await Console.In.ReadToEndAsync();
        await app.StopAsync();
        return 0;
    }

    private static string? ArgValue(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (s_bucket is { } bucket && !bucket.TryTake())
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsync("{\"error\":{\"message\":\"rate limited\"}}");
            return;
        }

        var name = FirstToolName(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) ?? "none";
        if (s_delayMs > 0)
        {
            await SlowReplies.WriteAsync(context, name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\"stream\":true"u8) >= 0, s_delayMs);
            return;
        }

        var body = Encoding.UTF8.GetBytes(
            "{\"id\":\"bench\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"bench\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"functions."
            + name + ":0\",\"type\":\"function\",\"function\":{\"name\":\"" + name + "\",\"arguments\":\"{}\"}}]},\"finish_reason\":\"tool_calls\"}],\"usage\":{\"prompt_tokens\":100,\"completion_tokens\":10,\"total_tokens\":110}}");
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body);
    }

    private static string? FirstToolName(ReadOnlySpan<byte> request)
    {
        var tools = request.IndexOf("\"tools\""u8);
        if (tools < 0)
        {
            return null;
        }

        var rest = request[tools..];
        var start = rest.IndexOf(NameMarker);
        if (start < 0)
        {
            return null;
        }

        rest = rest[(start + NameMarker.Length)..];
        var end = rest.IndexOf((byte)'"');
        return end < 0 ? null : Encoding.UTF8.GetString(rest[..end]);
    }
}
