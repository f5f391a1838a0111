using Microsoft.ML.OnnxRuntimeGenAI;

namespace K2Verifier.OrtGenAI.Engine;

/// <summary>The generation loop of <see cref="OrtGenAIEngine"/>.</summary>
public sealed partial class OrtGenAIEngine
{
    /// <summary>Tokenizes <paramref name="prompt"/> and generates from it.</summary>
    public Task<GenerationResult> GenerateAsync(string prompt, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return GenerateAsync(Tokenize(prompt), options, cancellationToken);
    }

    /// <summary>
    /// Generates from <paramref name="promptTokens"/> until an EOS token (<c>stop</c>) or
    /// <see cref="GenerationOptions.MaxNewTokens"/> / the context length (<c>length</c>). Runs on a pool thread;
    /// concurrent calls wait their turn (see the class remarks). Cancellation is checked before every token.
    /// </summary>
    public async Task<GenerationResult> GenerateAsync(IReadOnlyList<int> promptTokens, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(promptTokens);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxNewTokens, 1);
        if (promptTokens.Count == 0)
        {
            throw new ArgumentException("the prompt has no tokens", nameof(promptTokens));
        }

        if (promptTokens.Count >= _contextLength)
        {
            throw new ArgumentException(
                $"the prompt has {promptTokens.Count} tokens; the model's context length is {_contextLength}, which leaves no room to generate",
                nameof(promptTokens));
        }

        for (var i = 0; i < promptTokens.Count; i++)
        {
            if ((uint)promptTokens[i] >= (uint)_vocabSize)
            {
                throw new ArgumentException(
                    $"prompt token {i} is id {promptTokens[i]}, outside the model's vocabulary of {_vocabSize} (genai_config vocab_size); "
                    + "the tokenizer knows more tokens than the model embeds",
                    nameof(promptTokens));
            }
        }

        if (options.Guidance is not null && _tokenizerIds > _vocabSize)
        {
            // llguidance would force tokens the model has no logits for; GenAI then fails in the model and may crash the process.
            throw new ArgumentException(
                $"guidance needs a tokenizer no wider than the model's logits: the tokenizer has {_tokenizerIds} ids, the model {_vocabSize} "
                + "(serve a copy whose tokenizer is trimmed to the logits, as run --engine local does)",
                nameof(options));
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_batch is not null)
        {
            return await GenerateBatchedAsync([.. promptTokens], options, cancellationToken).ConfigureAwait(false);
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => GenerateOrThrow([.. promptTokens], options, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <see cref="Generate"/>, turning the managed API's exceptions into <see cref="OrtGenAIException"/>.</summary>
    private GenerationResult GenerateOrThrow(int[] prompt, GenerationOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return Generate(prompt, options, cancellationToken);
        }
        catch (OnnxRuntimeGenAIException ex)
        {
            throw new OrtGenAIException("generate", ex.Message);
        }
    }

    private GenerationResult Generate(int[] prompt, GenerationOptions options, CancellationToken cancellationToken)
    {
        // Timings start before the generator is built: grammar compilation (guidance) counts towards the first token.
        var started = _timeProvider.GetTimestamp();
        var maxNewTokens = Math.Min(options.MaxNewTokens, _contextLength - prompt.Length);
        var headroom = FastForwardHeadroom(prompt.Length + maxNewTokens, ref options);
        using var generatorParams = CreateParams(prompt.Length + maxNewTokens + headroom, options);
        using var generator = new Generator(_model, generatorParams);
        using var stream = options.OnToken is not null ? _tokenizer?.CreateStream() : null;
        var timeToFirstToken = TimeSpan.Zero;
        var tokens = new List<int>(maxNewTokens);
        generator.AppendTokens(prompt);
        var length = checked((int)generator.TokenCount());
        while (tokens.Count < maxNewTokens && !generator.IsDone())
        {
            cancellationToken.ThrowIfCancellationRequested();
            generator.GenerateNextToken();
            var elapsed = _timeProvider.GetElapsedTime(started);
            foreach (var token in NewTokens(generator, ref length).Take(maxNewTokens - tokens.Count))
            {
                tokens.Add(token);
                if (tokens.Count == 1)
                {
                    timeToFirstToken = elapsed;
                }

                options.OnToken?.Invoke(new GeneratedToken(tokens.Count - 1, token, TokenText(token, stream, options), elapsed));
            }
        }

        // With guidance fast-forward GenAI ends a finished grammar without sampling an EOS: done before the limit is a stop too.
        var stopped = generator.IsDone() && tokens.Count < maxNewTokens;
        return Result(prompt.Length, tokens, stopped, options, timeToFirstToken, _timeProvider.GetElapsedTime(started));
    }

    /// <summary>The result of a generation that produced <paramref name="tokens"/> (a sampled EOS last, if any).</summary>
    private GenerationResult Result(int promptLength, List<int> tokens, bool stopped, GenerationOptions options, TimeSpan timeToFirstToken, TimeSpan duration)
    {
        var endsWithEos = tokens.Count > 0 && _eosTokenIds.Contains(tokens[^1]);
        var textTokens = endsWithEos ? tokens.GetRange(0, tokens.Count - 1) : tokens;
        return new GenerationResult
        {
            Text = _tokenizer is null ? string.Empty
                : options.KeepSpecialTokens ? DetokenizeKeepingSpecialTokens(textTokens.ToArray()) : Decode(_tokenizer, textTokens.ToArray()),
            TokenIds = tokens,
            PromptTokenCount = promptLength,
            FinishReason = endsWithEos || stopped ? GenerationFinishReason.Stop : GenerationFinishReason.Length,
            TimeToFirstToken = timeToFirstToken,
            Duration = duration,
        };
    }

    /// <summary>The text <see cref="GenerationOptions.OnToken"/> shows for <paramref name="token"/>.</summary>
    private string TokenText(int token, TokenizerStream? stream, GenerationOptions options)
    {
        if (options.KeepSpecialTokens && _specialTokenTexts.TryGetValue(token, out var special))
        {
            return special;
        }

        return stream is null || _eosTokenIds.Contains(token) ? string.Empty : stream.Decode(token);
    }

    /// <summary>
    /// Room beyond <paramref name="length"/> for a fast-forwarded run of forced tokens: GenAI 0.15.2 appends such a run
    /// without checking <c>max_length</c>, and a position past the context makes the model fail, after which GenAI
    /// crashes the process. A run cannot be longer than <see cref="GenerationGuidance.MaxForcedRunBytes"/> or the
    /// grammar's text in UTF-8 bytes (every token holds at least one byte of a literal), so that much room is kept when
    /// the context has it; otherwise fast-forward is turned off for this generation (same constraints, one model step
    /// per token). The loop still stops at the requested token count.
    /// </summary>
    private int FastForwardHeadroom(int length, ref GenerationOptions options)
    {
        if (options.Guidance is not { EnableFastForward: true } guidance)
        {
            return 0;
        }

        var grammarBytes = System.Text.Encoding.UTF8.GetByteCount(guidance.Data);
        var longestForcedRun = Math.Min(guidance.MaxForcedRunBytes ?? grammarBytes, grammarBytes);
        if (length + longestForcedRun <= _contextLength)
        {
            return longestForcedRun;
        }

        options = options with { Guidance = guidance with { EnableFastForward = false } };
        return 0;
    }

    /// <summary>
    /// The tokens the last step produced: the sampled token, and with guidance fast-forward
    /// (<see cref="GenerationGuidance.EnableFastForward"/>) before it the tokens the grammar forced, which GenAI appends
    /// in the same step without sampling them. A sampled EOS is not always appended to the sequence, so the sampled
    /// token comes from the next-token buffer when the sequence does not end with it.
    /// </summary>
    private static int[] NewTokens(Generator generator, ref int length)
    {
        var sequence = generator.GetSequence(0);
        var appended = sequence.Length > length ? sequence[length..].ToArray() : [];
        length += appended.Length;
        var sampled = generator.GetNextTokens()[0];
        return appended.Length > 0 && appended[^1] == sampled ? appended : [.. appended, sampled];
    }

    /// <summary>The width of the model's logits, measured by running one token (the doctor's logits-width check).</summary>
    internal int MeasureLogitsWidth()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _gate.Wait();
        try
        {
            return GenAICall.Run("logits width", () =>
            {
                using var generatorParams = CreateParams(2, new GenerationOptions { Greedy = true });
                using var generator = new Generator(_model, generatorParams);
                generator.AppendTokens([0]);
                using var logits = generator.GetOutput("logits");
                var shape = logits.Shape();
                return shape.Length == 0 ? 0 : checked((int)shape[^1]);
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    private GeneratorParams CreateParams(int maxLength, GenerationOptions options)
    {
        var generatorParams = new GeneratorParams(_model);
        try
        {
            generatorParams.SetSearchOption("max_length", maxLength);
            generatorParams.SetSearchOption("do_sample", !options.IsGreedy);
            if (!options.IsGreedy)
            {
                SetIfGiven(generatorParams, "temperature", options.Temperature);
                SetIfGiven(generatorParams, "top_p", options.TopP);
                SetIfGiven(generatorParams, "top_k", options.TopK);
                SetIfGiven(generatorParams, "random_seed", options.Seed);
            }

            if (options.Guidance is { } guidance)
            {
                generatorParams.SetGuidance(guidance.Type, guidance.Data, guidance.EnableFastForward);
            }

            return generatorParams;
        }
        catch
        {
            generatorParams.Dispose();
            throw;
        }
    }

    private static void SetIfGiven(GeneratorParams generatorParams, string name, double? value)
    {
        if (value is { } given)
        {
            generatorParams.SetSearchOption(name, given);
        }
    }
}
