using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>
/// The token loop: <see cref="AppendTokens"/> runs the prompt, then <see cref="GenerateNextToken"/> once per new
/// token until <see cref="IsDone"/> (an EOS token or <c>max_length</c>). Not thread safe; one generator per request.
/// </summary>
public sealed class GenAIGenerator : IDisposable
{
    public GenAIGenerator(GenAIModel model, GenAIGeneratorParams generatorParams)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(generatorParams);
        var result = NativeMethods.OgaCreateGenerator(model.Live(), generatorParams.Live(), out var generator);
        Handle = OgaResult.Wrap(result, generator, h => new GeneratorHandle(h), "OgaCreateGenerator");
    }

    internal GeneratorHandle Handle { get; }

    /// <summary>True once every sequence has produced an EOS token or reached <c>max_length</c>.</summary>
    public bool IsDone => NativeMethods.OgaGenerator_IsDone(Live());

    /// <summary>Tokens in the sequence so far (prompt plus generated).</summary>
    public int TokenCount => checked((int)NativeMethods.OgaGenerator_TokenCount(Live()));

    /// <summary>Appends tokens (batch_size × length) and runs the model over them.</summary>
    public unsafe void AppendTokens(ReadOnlySpan<int> tokens)
    {
        var live = Live();
        fixed (int* pointer = tokens)
        {
            OgaResult.Check(NativeMethods.OgaGenerator_AppendTokens(live, pointer, (nuint)tokens.Length), "OgaGenerator_AppendTokens");
        }
    }

    /// <summary>Appends one sequence per batch row.</summary>
    public void AppendTokenSequences(GenAISequences sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        OgaResult.Check(NativeMethods.OgaGenerator_AppendTokenSequences(Live(), sequences.Live()), "OgaGenerator_AppendTokenSequences");
    }

    /// <summary>Computes the logits and picks the next token of every sequence (applying search options and guidance).</summary>
    public void GenerateNextToken() => OgaResult.Check(NativeMethods.OgaGenerator_GenerateNextToken(Live()), "OgaGenerator_GenerateNextToken");

    /// <summary>The token just generated for each batch row (a view valid until the next generator call).</summary>
    public unsafe ReadOnlySpan<int> GetNextTokens()
    {
        OgaResult.Check(NativeMethods.OgaGenerator_GetNextTokens(Live(), out var tokens, out var count), "OgaGenerator_GetNextTokens");
        return new ReadOnlySpan<int>(tokens, checked((int)count));
    }

    /// <summary>A copy of sequence <paramref name="index"/> (prompt plus generated tokens).</summary>
    public int[] GetSequence(int index = 0) => GetSequenceFrom(0, index);

    /// <summary>A copy of sequence <paramref name="index"/> from position <paramref name="start"/> on (empty when it is shorter).</summary>
    public unsafe int[] GetSequenceFrom(int start, int index = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        var live = Live();
        var count = checked((int)NativeMethods.OgaGenerator_GetSequenceCount(live, (nuint)index));
        var data = NativeMethods.OgaGenerator_GetSequenceData(live, (nuint)index);
        return count <= start || data is null ? [] : new ReadOnlySpan<int>(data + start, count - start).ToArray();
    }

    /// <summary>Drops tokens after <paramref name="length"/> (not with beam search).</summary>
    public void RewindTo(int length) => OgaResult.Check(NativeMethods.OgaGenerator_RewindTo(Live(), (nuint)length), "OgaGenerator_RewindTo");

    /// <summary>Sets a runtime option, e.g. <c>terminate_session</c> = <c>1</c>.</summary>
    public void SetRuntimeOption(string key, string value) =>
        OgaResult.Check(NativeMethods.OgaGenerator_SetRuntimeOption(Live(), key, value), $"OgaGenerator_SetRuntimeOption({key})");

    /// <summary>The width of the last logits (the model's output vocabulary; may be narrower than the tokenizer's).</summary>
    public unsafe int LogitsWidth()
    {
        OgaResult.Check(NativeMethods.OgaGenerator_GetLogits(Live(), out var tensor), "OgaGenerator_GetLogits");
        using var handle = new TensorHandle(tensor);
        OgaResult.Check(NativeMethods.OgaTensorGetShapeRank(handle, out var rank), "OgaTensorGetShapeRank");
        Span<long> shape = stackalloc long[checked((int)rank)];
        fixed (long* pointer = shape)
        {
            OgaResult.Check(NativeMethods.OgaTensorGetShape(handle, pointer, rank), "OgaTensorGetShape");
        }

        return rank == 0 ? 0 : checked((int)shape[^1]);
    }

    public void Dispose() => Handle.Dispose();

    internal GeneratorHandle Live()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
