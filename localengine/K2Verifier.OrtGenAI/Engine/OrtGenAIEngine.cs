using K2Verifier.OrtGenAI.Batching;
using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Model;
using Microsoft.ML.OnnxRuntimeGenAI;
using GenAIModel = Microsoft.ML.OnnxRuntimeGenAI.Model;

namespace K2Verifier.OrtGenAI.Engine;

/// <summary>
/// One model loaded in process, for the <c>--engine local</c> backend: tokenize, detokenize and generate.
/// <para>
/// Built on the official managed API (<c>Microsoft.ML.OnnxRuntimeGenAI.Managed</c>): <see cref="Config"/>,
/// <see cref="GenAIModel"/>, <see cref="Tokenizer"/>, <see cref="GeneratorParams"/> (search
/// options and guidance) and <see cref="Generator"/>. Requests run one at a time: GenAI's objects are not thread safe,
/// and batching through <c>batch_size</c> needs every prompt of the batch before the first step (a static batch,
/// padded to one length), which does not fit requests arriving independently. Calls queue on a gate, so
/// <c>--concurrency</c> above 1 overlaps only the harness's own work with generation.
/// </para>
/// </summary>
public sealed partial class OrtGenAIEngine : IDisposable
{
    private readonly GenAIModel _model;
    private readonly Tokenizer? _tokenizer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _native = new();
    private readonly BatchedGenerator? _batch;
    private readonly TimeProvider _timeProvider;
    private readonly int _contextLength;
    private readonly int _vocabSize;
    private readonly HashSet<int> _eosTokenIds;
    private readonly Dictionary<int, string> _specialTokenTexts;
    private readonly int? _tokenizerIds;
    private bool _disposed;

    private OrtGenAIEngine(string modelDirectory, GenAIModel model, OrtGenAIEngineOptions options, GenAIModelConfig config)
    {
        ModelDirectory = modelDirectory;
        Device = options.Device;
        _model = model;
        _timeProvider = options.TimeProvider;
        Library = OrtGenAILibrary.Loaded!;
        ModelType = GenAICall.Run("OgaModelGetType", model.GetModelType);
        DeviceType = options.Device == ExecutionDevice.Cuda ? "CUDA" : "CPU";
        // Probed first: a managed Tokenizer whose constructor fails crashes the process when it is finalized (0.20.0).
        TokenizerProblem = Native.TokenizerProbe.Problem(modelDirectory);
        _tokenizer = TokenizerProblem is null ? GenAICall.Run("OgaCreateTokenizer", () => new Tokenizer(model)) : null;

        _contextLength = config.ContextLength ?? int.MaxValue;
        _vocabSize = config.VocabSize ?? int.MaxValue;
        _eosTokenIds = [.. _tokenizer is null ? config.EosTokenIds : _tokenizer.GetEosTokenIds().ToArray()];
        var tokenizerFolder = _tokenizer is null ? null : TokenizerFolder.Read(modelDirectory);
        SpecialTokens = tokenizerFolder?.SpecialTokens ?? new Dictionary<string, int>();
        _tokenizerIds = tokenizerFolder?.VocabularySize;
        _specialTokenTexts = SpecialTokens.Where(p => !_eosTokenIds.Contains(p.Value)).GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
        EosTokenIds = [.. _eosTokenIds.Order()];
        if (options.MaxBatchSize > 1)
        {
            try
            {
                _batch = new BatchedGenerator(
                    Native.ManagedModelHandle.Of(model),
                    new BatchedGeneratorContext(_native, _timeProvider, () => _tokenizer?.CreateStream(), TokenText));
            }
            catch (OrtGenAIException ex)
            {
                // GenAI's engine serves decoder-only models with its attention (llama, qwen, phi, mistral…): others run one at a time.
                BatchingProblem = ex.NativeMessage;
            }
        }
    }

    /// <summary>
    /// GenAI's reason when batching was asked for (<see cref="OrtGenAIEngineOptions.MaxBatchSize"/> above 1) but its
    /// engine refused the model (e.g. "Expected a decoder-only model" for gpt2); requests then run one at a time. Else null.
    /// </summary>
    public string? BatchingProblem { get; }

    /// <summary>
    /// Requests generated at once: the engine's batch size (<c>OgaEngineCapabilitiesGetConfiguredMaxBatchSize</c>)
    /// when batching, else 1.
    /// </summary>
    public int MaxBatchSize => _batch?.MaxBatchSize ?? 1;

    /// <summary>True when requests go through GenAI's engine (<see cref="OrtGenAIEngineOptions.MaxBatchSize"/> above 1).</summary>
    public bool IsBatching => _batch is not null;

    /// <summary>The model folder.</summary>
    public string ModelDirectory { get; }

    /// <summary>The device asked for.</summary>
    public ExecutionDevice Device { get; }

    /// <summary>The model type GenAI reports, e.g. <c>gpt2</c>.</summary>
    public string ModelType { get; }

    /// <summary>
    /// The provider the model runs on, <c>CPU</c> or <c>CUDA</c>: every provider of the folder's config is cleared and
    /// only the asked one appended, and GenAI fails rather than fall back (the managed API does not expose
    /// <c>OgaModelGetDeviceType</c>).
    /// </summary>
    public string DeviceType { get; }

    /// <summary>Where the native libraries came from.</summary>
    public NativeLibraryLocation Library { get; }

    /// <summary>True when the folder has a tokenizer; without one only token-id prompts work.</summary>
    public bool HasTokenizer => _tokenizer is not null;

    /// <summary>GenAI's message when the tokenizer could not be created, else null.</summary>
    public string? TokenizerProblem { get; }

    /// <summary>The token ids that end generation with <c>stop</c>.</summary>
    public IReadOnlyList<int> EosTokenIds { get; }

    /// <summary>The model's context length (genai_config's <c>context_length</c>).</summary>
    public int ContextLength => _contextLength;

    /// <summary>
    /// The model's vocabulary (genai_config's <c>vocab_size</c>, the width of its embeddings and logits). It may be
    /// smaller than the tokenizer's: tiny-random-gpt2 has 1000 against GPT-2's 50,257, so most text is out of range.
    /// </summary>
    public int VocabularySize => _vocabSize;

    /// <summary>Loads the model in <paramref name="modelDirectory"/> on the chosen device.</summary>
    /// <exception cref="OrtGenAILibraryNotFoundException">The native libraries are missing.</exception>
    /// <exception cref="OrtGenAIException">GenAI refused the folder or the device (its message says why).</exception>
    public static OrtGenAIEngine Load(string modelDirectory, OrtGenAIEngineOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        options ??= new OrtGenAIEngineOptions();
        OrtGenAILibrary.Load(options.LibraryPath);
        var directory = Path.GetFullPath(modelDirectory);
        var model = GenAICall.Run($"OgaCreateModel({directory})", () => CreateModel(directory, options));
        OrtGenAIShutdown.ModelLoaded();
        try
        {
            return new OrtGenAIEngine(directory, model, options, GenAIModelConfig.Read(directory));
        }
        catch
        {
            model.Dispose();
            OrtGenAIShutdown.ModelReleased();
            throw;
        }
    }

    /// <summary>
    /// Creates the model through <see cref="Config"/>: the folder's providers are cleared, and <c>cuda</c> appended for
    /// <see cref="ExecutionDevice.Cuda"/> (the CUDA package must be deployed: <c>-p:OrtGenAiCuda=true</c>).
    /// </summary>
    private static GenAIModel CreateModel(string directory, OrtGenAIEngineOptions options)
    {
        using var config = new Config(directory);
        config.ClearProviders();
        if (options.MaxBatchSize > 1)
        {
            // The engine's static scheduler takes its batch size from engine.static_batching.max_batch_size (default 4).
            config.Overlay("{\"engine\":{\"static_batching\":{\"max_batch_size\":" + options.MaxBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}}}");
        }

        if (options.Device == ExecutionDevice.Cuda)
        {
            config.AppendProvider("cuda");
        }

        foreach (var (provider, key, value) in options.ProviderOptions)
        {
            config.SetProviderOption(provider, key, value);
        }

        return new GenAIModel(config);
    }

    /// <summary>
    /// The tokenizer's special tokens (text → id, from tokenizer.json's <c>added_tokens</c>); the Enforcer writes the
    /// tool-call markers among them as tokens.
    /// </summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>Encodes text to token ids (no special tokens added).</summary>
    /// <exception cref="InvalidOperationException">The model folder has no tokenizer.</exception>
    public int[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokenizer = RequireTokenizer();
        lock (_native)
        {
            return GenAICall.Run("OgaTokenizerEncode", () =>
            {
                using var sequences = tokenizer.Encode(text);
                return sequences[0].ToArray();
            });
        }
    }

    /// <summary>Decodes token ids to text (special tokens skipped).</summary>
    /// <exception cref="InvalidOperationException">The model folder has no tokenizer.</exception>
    public string Detokenize(ReadOnlySpan<int> tokens) => Decode(RequireTokenizer(), tokens);

    /// <summary>
    /// Decodes token ids to text with the special tokens other than EOS written out (GenAI's decoder drops them, and
    /// with <c>skip_special_tokens</c> off its stream decoder adds a space after each): tool-call formats such as Kimi
    /// K2's and DeepSeek V3's are made of special tokens.
    /// </summary>
    public string DetokenizeKeepingSpecialTokens(ReadOnlySpan<int> tokens)
    {
        var tokenizer = RequireTokenizer();
        var text = new System.Text.StringBuilder();
        var start = 0;
        for (var i = 0; i <= tokens.Length; i++)
        {
            if (i < tokens.Length && !_specialTokenTexts.ContainsKey(tokens[i]))
            {
                continue;
            }

            if (i > start)
            {
                text.Append(Decode(tokenizer, tokens[start..i]));
            }

            if (i < tokens.Length)
            {
                text.Append(_specialTokenTexts[tokens[i]]);
            }

            start = i + 1;
        }

        return text.ToString();
    }

    /// <summary>Releases the model and tokenizer. Safe to call twice; a generation in flight fails at its next step.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _batch?.Dispose();
        _tokenizer?.Dispose();
        _model.Dispose();
        OrtGenAIShutdown.ModelReleased();
        // _gate is not disposed: a generation in flight still releases it (SemaphoreSlim holds no native resource here).
    }

    private string Decode(Tokenizer tokenizer, ReadOnlySpan<int> tokens)
    {
        try
        {
            lock (_native)
            {
                return tokenizer.Decode(tokens);
            }
        }
        catch (OnnxRuntimeGenAIException ex)
        {
            throw new OrtGenAIException("OgaTokenizerDecode", ex.Message);
        }
    }

    private Tokenizer RequireTokenizer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _tokenizer ?? throw new InvalidOperationException(
            $"{ModelDirectory} has no usable tokenizer ({TokenizerProblem}); pass token ids instead of text.");
    }
}
