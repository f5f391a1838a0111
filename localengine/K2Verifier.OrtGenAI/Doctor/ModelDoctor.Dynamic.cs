using System.Diagnostics;
using System.Globalization;
using K2Verifier.OrtGenAI.Engine;
using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>The resource, dynamic and semantic checks of <see cref="ModelDoctor"/>.</summary>
public static partial class ModelDoctor
{
    /// <summary>Mixed Chinese and English with punctuation, a tool-call shape and non-BMP characters.</summary>
    internal const string RoundTripText = "调用 get_weather 查询北京 (Beijing) 的天气: {\"city\": \"北京\", \"unit\": \"°C\"} — 好的 🌤";

    private static DoctorCheck CheckResources(string directory, GenAIModelConfig config, DoctorOptions options)
    {
        var estimate = ResourceEstimate.For(directory, config, options.Device, options.ContextLength, options.Concurrency);
        var kv = estimate.KvCacheBytes is { } bytes
            ? string.Create(CultureInfo.InvariantCulture, $"KV cache {ResourceEstimate.Format(bytes)} for {estimate.ContextLength} tokens × {estimate.Concurrency}")
            : "KV cache unknown (genai_config lacks layer/head sizes)";
        var message = $"weights {ResourceEstimate.Format(estimate.WeightBytes)} on disk, {kv}";
        if (options.Device == ExecutionDevice.Cuda)
        {
            return DoctorCheck.Warn("resources", $"{message}; GPU memory is not measured", "compare with nvidia-smi's free memory");
        }

        var available = options.AvailableMemoryBytes ?? ResourceEstimate.MeasureAvailableMemory();
        return estimate.TotalBytes <= available
            ? DoctorCheck.Pass("resources", $"{message}; {ResourceEstimate.Format(available)} available")
            : DoctorCheck.Fail(
                "resources",
                $"{message}: needs {ResourceEstimate.Format(estimate.TotalBytes)}, only {ResourceEstimate.Format(available)} available; not loading it",
                "free memory, use a quantized model, or lower --context-length / --concurrency");
    }

    private static void RunDynamic(string directory, GenAIModelConfig config, TokenizerFolder tokenizerFiles, DoctorOptions options, Action<DoctorCheck> add)
    {
        try
        {
            var library = OrtGenAILibrary.Load(options.LibraryPath);
            add(DoctorCheck.Pass("native library", $"{library.GenAIPath} (via {library.Source}), ONNX Runtime {library.OnnxRuntimePath}"));
        }
        catch (OrtGenAILibraryNotFoundException ex)
        {
            add(DoctorCheck.Fail("native library", ex.Message.ReplaceLineEndings(" "), "rebuild (dotnet build -c Release deploys the Microsoft.ML.OnnxRuntimeGenAI package's libraries), or point --ortgenai-lib at a GenAI build"));
            return;
        }

        var stopwatch = Stopwatch.StartNew();
        OrtGenAIEngine engine;
        try
        {
            engine = OrtGenAIEngine.Load(directory, new OrtGenAIEngineOptions { Device = options.Device, LibraryPath = options.LibraryPath });
        }
        catch (OrtGenAIException ex)
        {
            add(DoctorCheck.Fail("model load", ex.NativeMessage, options.Device == ExecutionDevice.Cuda
                ? "use a CUDA build of GenAI (-p:OrtGenAiCuda=true) on a machine with a GPU, or --device cpu"
                : "check the ONNX files against the model's source (a manifest helps: --manifest FILE)"));
            return;
        }

        using (engine)
        {
            add(DoctorCheck.Pass("model load", string.Create(CultureInfo.InvariantCulture, $"{engine.ModelType} on {engine.DeviceType} in {stopwatch.ElapsedMilliseconds} ms")));
            add(DescribeDevice(engine));
            CheckTokenizer(engine, tokenizerFiles, add);
            CheckLogitsWidth(engine, config, tokenizerFiles, add);
        }
    }

    /// <summary>
    /// The provider and device the model runs on. GenAI's API (managed or C) has no query for free device memory, so
    /// it is reported as not measured; on CUDA the device id is the current one GenAI uses.
    /// </summary>
    private static DoctorCheck DescribeDevice(OrtGenAIEngine engine)
    {
        var device = engine.Device == ExecutionDevice.Cuda
            ? string.Create(CultureInfo.InvariantCulture, $"CUDA device {Microsoft.ML.OnnxRuntimeGenAI.Utils.GetCurrentGpuDeviceId()}")
            : "the host CPU";
        var provider = engine.Device == ExecutionDevice.Cuda ? "cuda" : "cpu";
        return DoctorCheck.Pass(
            "device",
            $"provider {provider}, {device}; free device memory: not exposed by GenAI's API (not measured)");
    }

    private static void CheckTokenizer(OrtGenAIEngine engine, TokenizerFolder tokenizerFiles, Action<DoctorCheck> add)
    {
        if (!engine.HasTokenizer)
        {
            add(DoctorCheck.Fail("tokenizer", $"GenAI could not create the tokenizer: {engine.TokenizerProblem}", "copy tokenizer.json and tokenizer_config.json from the model's source"));
            return;
        }

        const string ascii = "Hello, world! 123";
        var asciiBack = engine.Detokenize(engine.Tokenize(ascii));
        add(asciiBack == ascii
            ? DoctorCheck.Pass("tokenizer", $"encodes and decodes \"{ascii}\"")
            : DoctorCheck.Fail("tokenizer", $"\"{ascii}\" decodes back as \"{asciiBack}\"", "check tokenizer.json against the model's source"));

        var tokens = engine.Tokenize(RoundTripText);
        var back = engine.Detokenize(tokens);
        var counts = string.Create(CultureInfo.InvariantCulture, $"{RoundTripText.Length} chars → {tokens.Length} tokens");
        if (back == RoundTripText)
        {
            var why = tokenizerFiles.IsByteLevel ? "; byte-level BPE: any UTF-8 text round-trips" : string.Empty;
            add(DoctorCheck.Pass("round trip", $"mixed Chinese/English text is lossless ({counts}{why})"));
        }
        else
        {
            add(DoctorCheck.Warn(
                "round trip",
                $"mixed Chinese/English text comes back changed ({counts}): \"{back}\"",
                "expect arguments in other scripts to be altered; prefer a byte-level or byte-fallback tokenizer"));
        }
    }

    private static void CheckLogitsWidth(OrtGenAIEngine engine, GenAIModelConfig config, TokenizerFolder tokenizerFiles, Action<DoctorCheck> add)
    {
        int width;
        try
        {
            width = engine.MeasureLogitsWidth();
        }
        catch (OrtGenAIException ex)
        {
            add(DoctorCheck.Fail("logits width", $"one generation step failed: {ex.NativeMessage}", "check the ONNX files and genai_config.json against the model's source"));
            return;
        }

        var vocabulary = tokenizerFiles.VocabularySize;
        if (vocabulary is not { } size || width >= size)
        {
            add(DoctorCheck.Pass("logits width", string.Create(CultureInfo.InvariantCulture, $"{width} logits cover the tokenizer's {vocabulary?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} ids")));
            return;
        }

        var configNote = config.VocabSize == width ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (genai_config says vocab_size {config.VocabSize})");
        add(DoctorCheck.Warn(
            "logits width",
            string.Create(
                CultureInfo.InvariantCulture,
                $"the model has {width} logits{configNote} but the tokenizer has {size:N0} ids ({tokenizerFiles.BaseVocabularySize:N0} in its BPE vocabulary): "
                + $"only ids < {width} can be generated or prompted, so most text is out of reach; GenAI sizes guidance masks to {width}, "
                + $"but a grammar literal whose canonical tokenization needs a higher id gets an empty mask and fails"),
            "run --engine local serves such a model on a copy whose tokenizer is trimmed to the logits (made once, cached per user); serve real traffic with a model whose logits match its tokenizer"));
    }
}
