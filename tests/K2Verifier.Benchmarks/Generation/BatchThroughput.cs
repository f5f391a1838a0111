using System.Diagnostics;
using System.Globalization;
using System.Text;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

namespace K2Verifier.Benchmarks.Generation;

/// <summary>
/// <c>bench generate</c>'s batching figures: aggregate generated tokens per second when the same greedy requests run
/// one at a time (the generator API) and through GenAI's engine at concurrency 4 and 8, on llama-type random-weight
/// models written at run time (<see cref="TinyLlama"/>: the tests' tiny shape and a larger one), and the cost per token
/// of guidance in each path (guided minus unguided wall and CPU time per token, medians of three alternating runs; both without
/// fast-forward, which the engine lacks).
/// </summary>
internal static class BatchThroughput
{
    private static readonly int[] Concurrencies = [1, 4, 8];

    private static readonly GenerationGuidance Guidance = GenerationGuidance.JsonSchema("""
        {"type": "object", "properties": {"city": {"type": "string", "maxLength": 24}, "days": {"type": "integer"},
         "tags": {"type": "array", "items": {"type": "string", "maxLength": 8}, "maxItems": 4}},
         "required": ["city", "days", "tags"], "additionalProperties": false}
        """);

    public static async Task<string> MeasureAsync(string gpt2Folder, int requests, int tokens)
    {
        var report = new StringBuilder();
        report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"batching ({requests} greedy requests of up to {tokens} tokens, prompts of 8 to 32 tokens; aggregate tokens/s over the whole set)"));
        foreach (var (name, shape) in new[] { ("tiny", TinyLlamaShape.Tiny), ("larger", new TinyLlamaShape(1024, 16, 64, 4)) })
        {
            var root = Path.Combine(Path.GetTempPath(), "k2v-bench-llama-" + Guid.NewGuid().ToString("N"));
            try
            {
                TinyLlama.Write(root, gpt2Folder, shape);
                var weights = new FileInfo(Path.Combine(root, "model.onnx")).Length;
                report.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {name} llama (hidden {shape.Hidden}, {shape.Heads} heads of {shape.HeadSize}, {shape.Layers} layers, {weights / 1024.0 / 1024.0:0.0} MiB)"));
                await MeasureModelAsync(root, requests, tokens, report);
            }
            finally
            {
                Directory.Delete(root, recursive: true);
            }
        }

        return report.ToString();
    }

    private static async Task MeasureModelAsync(string model, int requests, int tokens, StringBuilder report)
    {
        var random = new Random(7);
        var prompts = Enumerable.Range(0, requests).Select(_ => Enumerable.Range(0, random.Next(8, 33)).Select(_ => random.Next(0, 999)).ToArray()).ToArray();
        double? baseline = null;
        foreach (var concurrency in Concurrencies)
        {
            using var engine = OrtGenAIEngine.Load(model, new OrtGenAIEngineOptions { MaxBatchSize = concurrency });
            var options = new GenerationOptions { Greedy = true, MaxNewTokens = tokens };
            await RunAsync(engine, prompts.Take(concurrency).ToArray(), options, concurrency); // warm-up
            // Unguided and guided runs alternate; each figure is the median of three.
            var plainRuns = new List<Measurement>();
            var guidedRuns = new List<Measurement>();
            for (var i = 0; i < 3; i++)
            {
                plainRuns.Add(await RunAsync(engine, prompts, options, concurrency));
                guidedRuns.Add(await RunAsync(engine, prompts, options with { Guidance = Guidance }, concurrency));
            }

            var plain = Median(plainRuns);
            var guided = Median(guidedRuns);
            baseline ??= plain.TokensPerSecond;
            report.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"    concurrency {concurrency} ({(engine.IsBatching ? "engine" : "one at a time")}): {plain.TokensPerSecond,7:0} tokens/s, {plain.TokensPerSecond / baseline:0.00}x one at a time; "
                + $"guidance {guided.WallPerToken - plain.WallPerToken,6:0.0} µs wall, {guided.CpuPerToken - plain.CpuPerToken,6:0.0} µs CPU per token "
                + $"(unguided {plain.WallPerToken:0.0} | {plain.CpuPerToken:0.0} µs, {plain.Tokens} tokens; guided {guided.Tokens} tokens)"));
        }
    }

    private static async Task<Measurement> RunAsync(OrtGenAIEngine engine, int[][] prompts, GenerationOptions options, int concurrency)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        int total;
        if (concurrency == 1)
        {
            total = 0;
            foreach (var prompt in prompts)
            {
                total += (await engine.GenerateAsync(prompt, options)).CompletionTokenCount;
            }
        }
        else
        {
            var results = await Task.WhenAll(prompts.Select(p => engine.GenerateAsync(p, options)));
            total = results.Sum(r => r.CompletionTokenCount);
        }

        var wall = watch.Elapsed;
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new Measurement(total, total / wall.TotalSeconds, wall.TotalMicroseconds / total, cpuUsed.TotalMicroseconds / total);
    }

    private static Measurement Median(List<Measurement> runs) => new(
        runs[0].Tokens,
        runs.Select(r => r.TokensPerSecond).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.WallPerToken).Order().ElementAt(runs.Count / 2),
        runs.Select(r => r.CpuPerToken).Order().ElementAt(runs.Count / 2));

    private sealed record Measurement(int Tokens, double TokensPerSecond, double WallPerToken, double CpuPerToken);
}
