using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>
/// Memory a model needs before it is loaded: its weights on disk plus the KV cache,
/// 2 (K and V) × attention layers × KV heads × head size × bytes per element × context × concurrency.
/// Elements are assumed fp32 on the CPU and fp16 on CUDA (GenAI's usual KV types); runtime overhead is not counted.
/// </summary>
public sealed record ResourceEstimate(long WeightBytes, long? KvCacheBytes, int? ContextLength, int Concurrency)
{
    /// <summary>Weights plus KV cache (weights only when the KV size is unknown).</summary>
    public long TotalBytes => WeightBytes + (KvCacheBytes ?? 0);

    /// <summary>Estimates for <paramref name="config"/>'s folder.</summary>
    public static ResourceEstimate For(string modelDirectory, GenAIModelConfig config, ExecutionDevice device, int? contextLength, int concurrency)
    {
        ArgumentNullException.ThrowIfNull(config);
        var weights = Directory.EnumerateFiles(modelDirectory)
            .Where(f => f.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".data", StringComparison.OrdinalIgnoreCase)
                || config.ModelFiles.Contains(Path.GetFileName(f)))
            .Sum(f => new FileInfo(f).Length);
        var context = contextLength ?? config.ContextLength;
        var layers = config.LayerTypes.Count > 0 ? config.LayerTypes.Count(t => t.Contains("attention", StringComparison.OrdinalIgnoreCase)) : config.HiddenLayers;
        var heads = config.KeyValueHeads ?? config.AttentionHeads;
        var headSize = config.HeadSize ?? (config.HiddenSize / config.AttentionHeads);
        long? kv = null;
        if (context is { } c && layers is { } l && heads is { } h && headSize is { } s)
        {
            var bytesPerElement = device == ExecutionDevice.Cuda ? 2L : 4L;
            kv = 2L * l * h * s * bytesPerElement * c * Math.Max(1, concurrency);
        }

        return new ResourceEstimate(weights, kv, context, Math.Max(1, concurrency));
    }

    /// <summary>Memory available to this process: MemAvailable on Linux, else the GC's total available memory.</summary>
    public static long MeasureAvailableMemory()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemAvailable:", StringComparison.Ordinal));
            var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts is { Length: >= 2 } && long.TryParse(parts[1], out var kib))
            {
                return Math.Min(kib * 1024, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
    }

    /// <summary>Bytes as <c>1.2 MiB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => FormattableString.Invariant($"{bytes / (double)(1L << 30):0.0} GiB"),
        >= 1L << 20 => FormattableString.Invariant($"{bytes / (double)(1L << 20):0.0} MiB"),
        >= 1L << 10 => FormattableString.Invariant($"{bytes / 1024.0:0.0} KiB"),
        _ => FormattableString.Invariant($"{bytes} B"),
    };
}
