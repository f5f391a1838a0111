using System.Diagnostics;
using System.Globalization;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.Benchmarks.Generation;

/// <summary>
/// <c>./run.sh bench generate [--model DIR] [--tokens N] [--runs N] [--batch-requests N] [--batch-tokens N] [--batch-only]</c>: tokens per second of
/// <see cref="OrtGenAIEngine.GenerateAsync(IReadOnlyList{int}, GenerationOptions, CancellationToken)"/> against
/// <see cref="NativeGenerationLoop"/> on the same model, prompt and greedy search (so both produce the same tokens).
/// Runs alternate between the two loops to cancel drift; the figure is the ratio of median rates (target >= 0.95).
/// Then the per-token cost of guidance (see <see cref="GuidanceCost"/>), and batching through GenAI's engine at
/// concurrency 1, 4 and 8 (see <see cref="BatchThroughput"/>; <c>--batch-requests N</c>, <c>--batch-tokens N</c>).
/// </summary>
internal static class GenerateBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var model = BenchArgs.String(args, "--model") ?? GptFolder();
        var newTokens = BenchArgs.Int(args, "--tokens", 256);
        var runs = BenchArgs.Int(args, "--runs", 40);
        var library = OrtGenAILibrary.Load(BenchArgs.String(args, "--ortgenai-lib"));
        if (args.Contains("--batch-only"))
        {
            Console.WriteLine(await BatchThroughput.MeasureAsync(GptFolder(), BenchArgs.Int(args, "--batch-requests", 64), BenchArgs.Int(args, "--batch-tokens", 64)));
            return 0;
        }

        using var engine = OrtGenAIEngine.Load(model);
        var nativeModel = NativeGenerationLoop.CreateModel(Path.GetFullPath(model));
        int[] prompt = [10, 20, 30];
        var options = new GenerationOptions { Greedy = true, MaxNewTokens = newTokens };
        var maxLength = prompt.Length + Math.Min(newTokens, engine.ContextLength - prompt.Length);

        // Warm up (JIT, ONNX Runtime's first-run allocations), and check both loops make the same number of tokens.
        var engineTokens = (await engine.GenerateAsync(prompt, options)).CompletionTokenCount;
        var nativeTokens = NativeGenerationLoop.Run(nativeModel, prompt, maxLength);
        if (engineTokens != nativeTokens)
        {
            Console.Error.WriteLine($"the loops disagree: engine {engineTokens} tokens, native {nativeTokens}");
            return 1;
        }

        var engineRates = new List<double>();
        var nativeRates = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = await engine.GenerateAsync(prompt, options);
            engineRates.Add(result.CompletionTokenCount / watch.Elapsed.TotalSeconds);
            watch.Restart();
            var count = NativeGenerationLoop.Run(nativeModel, prompt, maxLength);
            nativeRates.Add(count / watch.Elapsed.TotalSeconds);
        }

        var engineMedian = BenchFigures.Median(engineRates);
        var nativeMedian = BenchFigures.Median(nativeRates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            generate benchmark ({Environment.ProcessorCount} cores, {engine.ModelType} on {engine.DeviceType}, GenAI {OrtGenAILibrary.NativeVersion} from {library.Source})
              model                        {Path.GetFullPath(model)}
              tokens per run               {engineTokens} (prompt {prompt.Length}, greedy), {runs} runs each, alternating
              native loop (raw P/Invoke)   {nativeMedian:0} tokens/s (median; best {nativeRates.Max():0})
              OrtGenAIEngine.GenerateAsync {engineMedian:0} tokens/s (median; best {engineRates.Max():0})
              ratio                        {engineMedian / nativeMedian:0.000} of medians, {engineRates.Max() / nativeRates.Max():0.000} of bests   (target >= 0.95)
            """));
        NativeGenerationLoop.DestroyModel(nativeModel);
        Console.WriteLine(await GuidanceCost.MeasureAsync(model, Math.Max(10, runs / 2)));
        Console.WriteLine(await BatchThroughput.MeasureAsync(GptFolder(), BenchArgs.Int(args, "--batch-requests", 64), BenchArgs.Int(args, "--batch-tokens", 64)));
        return 0;
    }

    private static string GptFolder() => Path.Combine(RepositoryRoot(), "..", "shared", "models", "tiny-random-gpt2-fp32");

    private static string RepositoryRoot()
    {
        for (var dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("K2Verifier.sln not found above the benchmark");
    }
}
