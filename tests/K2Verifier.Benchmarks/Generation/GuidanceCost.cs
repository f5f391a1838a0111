using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.Benchmarks.Generation;

/// <summary>
/// The per-token cost of the Enforcer's guidance: decode time per token after the first, with the Enforcer's grammar
/// (Hermes format; <c>required</c>, then <c>auto</c>) against the same sampling without it, on a copy of the model
/// whose tokenizer is trimmed to its logits. Measured with fast-forward off (every token a sampled, masked step) and
/// on (forced tokens appended without a step; the Enforcer's default). Wall time and process CPU time per token are
/// both reported (CPU time is steadier on a shared machine); figures are medians over runs that alternate guided and
/// unconstrained generation. Grammar compilation falls in the first token and is reported apart.
/// </summary>
internal static class GuidanceCost
{
    private static readonly ToolDefinition[] Tools =
    [
        new("get_weather", JsonNode.Parse("""{"type":"object","properties":{"city":{"type":"string"},"days":{"type":"integer"}},"required":["city","days"]}""")!.AsObject()),
        new("search", JsonNode.Parse("""{"type":"object","properties":{"query":{"type":"string"},"filters":{"type":"array","items":{"type":"string"}}},"required":["query"]}""")!.AsObject()),
    ];

    public static async Task<string> MeasureAsync(string model, int runs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "k2v-bench-trimmed-" + Guid.NewGuid().ToString("N"));
        try
        {
            VocabularyTrimmer.CreateTrimmedCopy(model, folder);
            using var engine = OrtGenAIEngine.Load(folder);
            var report = new List<string> { $"  guidance (the Enforcer's grammar, hermes format, 2 tools, {runs} runs each; medians; wall | CPU µs per token)" };
            foreach (var choice in new[] { ToolChoice.Required, ToolChoice.Auto })
            {
                report.AddRange(await MeasureChoiceAsync(engine, choice, runs));
            }

            return string.Join(Environment.NewLine, report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<IEnumerable<string>> MeasureChoiceAsync(OrtGenAIEngine engine, ToolChoice choice, int runs)
    {
        var stepped = ToolCallEnforcer.Build("hermes", Tools, choice, new ToolCallGrammarOptions { FastForward = false })!;
        var forwarded = stepped with { EnableFastForward = true };
        var (free, guided, fastForward) = (new List<Sample>(), new List<Sample>(), new List<Sample>());
        for (var i = 0; i <= runs; i++)
        {
            // The engine keeps fast-forward only with room for a forced run after the budget: size the budget so it can.
            var budget = Math.Min(300, engine.ContextLength - 3 - (forwarded.MaxForcedRunBytes ?? 0));
            var options = new GenerationOptions { Temperature = 1.0, Seed = i + 1, MaxNewTokens = budget, Guidance = stepped };
            var constrained = await SampleAsync(engine, options);
            var unconstrained = await SampleAsync(engine, options with { Guidance = null, MaxNewTokens = constrained.Tokens });
            var skipping = await SampleAsync(engine, options with { Guidance = forwarded });
            var steps = await CountStepsAsync(engine, options with { Guidance = forwarded });
            if (i > 0)
            {
                (guided, free, fastForward) = ([.. guided, constrained], [.. free, unconstrained], [.. fastForward, skipping with { Steps = steps }]);
            }
        }

        var (freeWall, freeCpu) = (BenchFigures.Median(free.Select(s => s.WallPerToken)), BenchFigures.Median(free.Select(s => s.CpuPerToken)));
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"    tool_choice {choice.Mode.ToString().ToLowerInvariant(),-8}         {BenchFigures.Median(guided.Select(s => (double)s.Tokens)):0} tokens per call, {BenchFigures.Median(fastForward.Select(s => (double)s.Steps)):0} sampled steps with fast-forward"),
            string.Create(CultureInfo.InvariantCulture, $"      unconstrained step           {freeWall,5:0} | {freeCpu,4:0}"),
            Line("constrained step", guided, freeWall, freeCpu),
            Line("fast-forward, per token", fastForward, freeWall, freeCpu),
            string.Create(CultureInfo.InvariantCulture, $"      grammar compilation          {BenchFigures.Median(guided.Select(s => s.FirstTokenMs)) - BenchFigures.Median(free.Select(s => s.FirstTokenMs)):0.0} ms more time to first token"),
        ];
    }

    private static string Line(string label, List<Sample> samples, double freeWall, double freeCpu)
    {
        var (wall, cpu) = (BenchFigures.Median(samples.Select(s => s.WallPerToken)), BenchFigures.Median(samples.Select(s => s.CpuPerToken)));
        return string.Create(CultureInfo.InvariantCulture, $"      {label,-28} {wall,5:0} | {cpu,4:0}   overhead {wall / freeWall - 1:+0%;-0%} | {cpu / freeCpu - 1:+0%;-0%}   (target <= +15%)");
    }

    /// <summary>
    /// One generation: wall time per token after the first, and process CPU time per token after the first (the CPU
    /// of the same request cut to one token is subtracted).
    /// </summary>
    private static async Task<Sample> SampleAsync(OrtGenAIEngine engine, GenerationOptions options)
    {
        var cpu = Cpu();
        var result = await engine.GenerateAsync([10, 20, 30], options);
        var full = Cpu() - cpu;
        cpu = Cpu();
        await engine.GenerateAsync([10, 20, 30], options with { MaxNewTokens = 1 });
        var first = Cpu() - cpu;
        var after = Math.Max(1, result.CompletionTokenCount - 1);
        return new Sample(
            result.CompletionTokenCount,
            result.CompletionTokenCount,
            (result.Duration - result.TimeToFirstToken).TotalMicroseconds / after,
            (full - first) / after,
            result.TimeToFirstToken.TotalMilliseconds);
    }

    /// <summary>Sampled steps of a generation (untimed): the engine stamps every token a step appends with that step's time.</summary>
    private static async Task<int> CountStepsAsync(OrtGenAIEngine engine, GenerationOptions options)
    {
        var stamps = new HashSet<TimeSpan>();
        await engine.GenerateAsync([10, 20, 30], options with { OnToken = t => stamps.Add(t.Elapsed) });
        return stamps.Count;
    }

    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMicroseconds;
    }

    private sealed record Sample(int Tokens, int Steps, double WallPerToken, double CpuPerToken, double FirstTokenMs);
}
