using System.Diagnostics;
using System.Net.Http.Headers;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>The fake endpoint's capacity: the same bodies posted by a bare HttpClient at the same concurrency.</summary>
internal static class RawClientLoop
{
    public static async Task<double> RunAsync(Uri baseUrl, IReadOnlyList<byte[]> bodies, int concurrency)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl.ToString().TrimEnd('/') + "/") };
        var next = -1;
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync("chat/completions", content);
                await response.Content.ReadAsByteArrayAsync();
            }
        });
        await Task.WhenAll(workers);
        return bodies.Count / watch.Elapsed.TotalSeconds;
    }
}
