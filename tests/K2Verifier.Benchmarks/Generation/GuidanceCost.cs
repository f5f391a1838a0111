using System.Globalization;
using System.Text.Json.Nodes;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Guidance;

namespace K2Verifier.Benchmarks.Generation;

/// <summary>
/// The per-token cost of guidance (the Enforcer's mechanism): decode time per token after the first with the tool-call
/// grammar, against the same sampling without it, on a copy of the model whose tokenizer is trimmed to its logits.
/// Grammar compilation falls in the first token and is reported apart.
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
            var guidance = ToolCallGrammar.Guidance(Tools);
            var guided = new List<GenerationResult>();
            var free = new List<GenerationResult>();
            for (var i = 0; i <= runs; i++)
            {
                var options = new GenerationOptions { Temperature = 1.0, Seed = i + 1, MaxNewTokens = 200, Guidance = guidance };
                var constrained = await engine.GenerateAsync([10, 20, 30], options);
                var unconstrained = await engine.GenerateAsync([10, 20, 30], options with { Guidance = null, MaxNewTokens = constrained.CompletionTokenCount });
                if (i > 0)
                {
                    guided.Add(constrained);
                    free.Add(unconstrained);
                }
            }

            var guidedStep = StepMicroseconds(guided);
            var freeStep = StepMicroseconds(free);
            var firstToken = guided.Average(r => r.TimeToFirstToken.TotalMilliseconds) - free.Average(r => r.TimeToFirstToken.TotalMilliseconds);
            return string.Create(CultureInfo.InvariantCulture, $"""
                  guidance (tool-call grammar, {guided.Average(r => r.CompletionTokenCount):0} tokens per call, {runs} calls)
                    unconstrained step         {freeStep:0} µs/token
                    constrained step           {guidedStep:0} µs/token   overhead {guidedStep / freeStep - 1:+0%;-0%}   (target <= +15%)
                    grammar compilation        {firstToken:0.0} ms more time to first token
                """);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double StepMicroseconds(List<GenerationResult> results) =>
        results.Sum(r => (r.Duration - r.TimeToFirstToken).TotalMicroseconds) / results.Sum(r => r.CompletionTokenCount - 1);
}
