using K2Verifier.OrtGenAI.Binding;
using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Model;

namespace K2Verifier.OrtGenAI.Engine;

/// <summary>
/// One model loaded in process, for the <c>--engine local</c> backend: tokenize, detokenize and generate.
/// <para>
/// Requests run one at a time: GenAI's C API is not thread safe, and batching through <c>batch_size</c> needs every
/// prompt of the batch before the first step (a static batch, padded to one length), which does not fit requests
/// arriving independently. GenAI 0.15 also exports a continuous-batching <c>OgaEngine</c>/<c>OgaRequest</c> API; it is
/// not bound yet (not tried here). Calls queue on a gate, so <c>--concurrency</c> above 1 overlaps only the harness's
/// own work with generation.
/// </para>
/// </summary>
public sealed partial class OrtGenAIEngine : IDisposable
{
    private readonly GenAIModel _model;
    private readonly GenAITokenizer? _tokenizer;
    private readonly SemaphoreSlim _gate = new(1, 1);
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
        ModelType = model.ModelType;
        DeviceType = model.DeviceType;
        try
        {
            _tokenizer = new GenAITokenizer(model);
        }
        catch (OrtGenAIException ex)
        {
            TokenizerProblem = ex.NativeMessage;
        }

        _contextLength = config.ContextLength ?? int.MaxValue;
        _vocabSize = config.VocabSize ?? int.MaxValue;
        _eosTokenIds = [.. _tokenizer?.EosTokenIds ?? config.EosTokenIds];
        var tokenizerFolder = _tokenizer is null ? null : TokenizerFolder.Read(modelDirectory);
        SpecialTokens = tokenizerFolder?.SpecialTokens ?? new Dictionary<string, int>();
        _tokenizerIds = tokenizerFolder?.VocabularySize;
        _specialTokenTexts = SpecialTokens.Where(p => !_eosTokenIds.Contains(p.Value)).GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.First().Key);
        EosTokenIds = [.. _eosTokenIds.Order()];
    }

    /// <summary>The model folder.</summary>
    public string ModelDirectory { get; }

    /// <summary>The device asked for.</summary>
    public ExecutionDevice Device { get; }

    /// <summary>The model type GenAI reports, e.g. <c>gpt2</c>.</summary>
    public string ModelType { get; }

    /// <summary>The device GenAI reports, e.g. <c>CPU</c>.</summary>
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
        using var config = new GenAIConfig(directory);
        config.ClearProviders();
        if (options.Device == ExecutionDevice.Cuda)
        {
            config.AppendProvider("cuda");
        }

        foreach (var (provider, key, value) in options.ProviderOptions)
        {
            config.SetProviderOption(provider, key, value);
        }

        var model = new GenAIModel(config);
        try
        {
            return new OrtGenAIEngine(directory, model, options, GenAIModelConfig.Read(directory));
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The tokenizer's special tokens (text → id, from tokenizer.json's <c>added_tokens</c>); the Enforcer writes the
    /// tool-call markers among them as tokens.
    /// </summary>
    public IReadOnlyDictionary<string, int> SpecialTokens { get; }

    /// <summary>Encodes text to token ids (no special tokens added).</summary>
    /// <exception cref="InvalidOperationException">The model folder has no tokenizer.</exception>
    public int[] Tokenize(string text) => RequireTokenizer().Encode(text);

    /// <summary>Decodes token ids to text (special tokens skipped).</summary>
    /// <exception cref="InvalidOperationException">The model folder has no tokenizer.</exception>
    public string Detokenize(ReadOnlySpan<int> tokens) => RequireTokenizer().Decode(tokens);

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
                text.Append(tokenizer.Decode(tokens[start..i]));
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
        _tokenizer?.Dispose();
        _model.Dispose();
        // _gate is not disposed: a generation in flight still releases it (SemaphoreSlim holds no native resource here).
    }

    private GenAITokenizer RequireTokenizer()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _tokenizer ?? throw new InvalidOperationException(
            $"{ModelDirectory} has no usable tokenizer ({TokenizerProblem}); pass token ids instead of text.");
    }
}
