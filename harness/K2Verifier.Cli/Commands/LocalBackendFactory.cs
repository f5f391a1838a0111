using System.Globalization;
using System.Text.Json;
using K2Verifier.Backends;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.OrtGenAI;
using K2Verifier.OrtGenAI.Doctor;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Model;
using K2Verifier.OrtGenAI.Serving;
using K2Verifier.Templates;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// Builds the <c>--engine local</c> backend: the chat template (<c>--chat-template</c>, else the model folder's), the
/// resource estimate printed and checked before loading, the trimmed-tokenizer copy when the tokenizer is wider than
/// the logits, the engine, and the run header. Every problem found before the run is a usage error (exit 2).
/// </summary>
internal static class LocalBackendFactory
{
    /// <summary>
    /// Creates the backend. <paramref name="concurrency"/> (<c>--concurrency</c>) above 1 batches that many requests
    /// through GenAI's engine, and the KV-cache estimate counts that many sequences; 1 runs them one at a time.
    /// </summary>
    public static OrtGenAIChatBackend Create(LocalModelSettings settings, string modelName, ChatTemplate? template, IToolCallFormat format, TextWriter log, int concurrency = 1)
    {
        var directory = settings.ModelDirectory;
        GenAIModelConfig config;
        try
        {
            config = GenAIModelConfig.Read(directory);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            throw new UsageException($"--model-dir {directory}: {ex.Message}", ex);
        }

        template ??= FolderTemplate(directory);
        var estimate = ResourceEstimate.For(directory, config, settings.Device, contextLength: null, concurrency);
        var available = ResourceEstimate.MeasureAvailableMemory();
        log.WriteLine($"local engine: {Describe(estimate)}; {ResourceEstimate.Format(available)} available");
        if (CheckFits(estimate, available) is { } problem)
        {
            throw new UsageException(problem);
        }

        string loadDirectory;
        try
        {
            loadDirectory = TrimmedModelCache.Resolve(directory, out var notice);
            if (notice is not null)
            {
                log.WriteLine(notice);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or JsonException or UnauthorizedAccessException)
        {
            throw new UsageException($"--model-dir {directory}: the tokenizer is wider than the model's logits and could not be trimmed: {ex.Message}", ex);
        }

        var engine = Load(loadDirectory, settings, concurrency);
        if (engine.BatchingProblem is { } refused)
        {
            log.WriteLine($"local engine: GenAI's engine cannot batch this model ({refused}); requests run one at a time");
        }

        var scheduling = engine.IsBatching
            ? $"up to {engine.MaxBatchSize} requests generate together through GenAI's engine (static batches)"
            : "requests run one at a time (the engine serializes them; --concurrency only overlaps the harness's own work)";
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"local engine: {modelName} ({engine.ModelType} on {engine.DeviceType}), context {engine.ContextLength} tokens, tool format {format.Name}, "
            + $"Enforcer {(settings.Enforce ? "on" : "off")}; {scheduling}"));
        return new OrtGenAIChatBackend(engine, template, format, new OrtGenAIChatBackendOptions { ModelName = modelName, Enforce = settings.Enforce });
    }

    /// <summary>Why the model cannot be loaded in <paramref name="available"/> bytes, or null when it fits.</summary>
    public static string? CheckFits(ResourceEstimate estimate, long available)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.TotalBytes <= available)
        {
            return null;
        }

        var problem = $"--engine local: the model needs about {ResourceEstimate.Format(estimate.TotalBytes)} ({Describe(estimate)}) "
            + $"but only {ResourceEstimate.Format(available)} is available; ";
        var largest = LargestBatch(estimate, available);
        return largest >= 1 && estimate.Concurrency > 1
            ? problem + string.Create(CultureInfo.InvariantCulture, $"the largest batch that fits is {largest} (--concurrency {largest})")
            : problem + "free memory or use a smaller model or context";
    }

    /// <summary>The most sequences whose KV cache fits beside the weights in <paramref name="available"/> bytes (0 when none does).</summary>
    public static long LargestBatch(ResourceEstimate estimate, long available)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var perSequence = (estimate.KvCacheBytes ?? 0) / estimate.Concurrency;
        var room = available - estimate.WeightBytes;
        return room <= 0 ? 0 : perSequence <= 0 ? long.MaxValue : room / perSequence;
    }

    /// <summary><c>weights 564.6 KiB on disk, KV cache 640.0 KiB for 512 tokens × 1 sequence</c>.</summary>
    public static string Describe(ResourceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var kv = estimate.KvCacheBytes is { } bytes
            ? $"KV cache {ResourceEstimate.Format(bytes)} for {estimate.ContextLength} tokens × {estimate.Concurrency} sequence{(estimate.Concurrency == 1 ? string.Empty : "s")} held at once"
            : "KV cache unknown (genai_config lacks the layer or head counts)";
        return $"weights {ResourceEstimate.Format(estimate.WeightBytes)} on disk, {kv}";
    }

    private static ChatTemplate FolderTemplate(string directory)
    {
        foreach (var file in new[] { "tokenizer_config.json", "chat_template.jinja" })
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                continue;
            }

            try
            {
                return ChatTemplate.Load(path);
            }
            catch (TemplateException) when (file == "tokenizer_config.json")
            {
                // No chat_template in it: try the .jinja file, then report.
            }
            catch (TemplateException ex)
            {
                throw new UsageException($"--model-dir {directory}: {file}: {ex.Message}", ex);
            }
        }

        throw new UsageException(
            $"--engine local: {directory} has no chat template (none in tokenizer_config.json, no chat_template.jinja); pass --chat-template FILE");
    }

    private static OrtGenAIEngine Load(string directory, LocalModelSettings settings, int concurrency)
    {
        OrtGenAIEngine engine;
        try
        {
            engine = OrtGenAIEngine.Load(directory, new OrtGenAIEngineOptions { Device = settings.Device, LibraryPath = settings.LibraryPath, MaxBatchSize = concurrency });
        }
        catch (OrtGenAILibraryNotFoundException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
        catch (OrtGenAIException ex)
        {
            throw new UsageException($"--engine local: the model in {directory} could not be loaded on {settings.Device}: {ex.NativeMessage}", ex);
        }

        if (!engine.HasTokenizer)
        {
            engine.Dispose();
            throw new UsageException($"--engine local: {directory} has no usable tokenizer: {engine.TokenizerProblem}");
        }

        return engine;
    }
}
