using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>A list of token sequences (one per batch row), as the tokenizer and generator exchange them.</summary>
public sealed class GenAISequences : IDisposable
{
    public GenAISequences()
    {
        OrtGenAILibrary.Load();
        var result = NativeMethods.OgaCreateSequences(out var sequences);
        Handle = OgaResult.Wrap(result, sequences, h => new SequencesHandle(h), "OgaCreateSequences");
    }

    internal SequencesHandle Handle { get; }

    /// <summary>The number of sequences.</summary>
    public int Count => checked((int)NativeMethods.OgaSequencesCount(Live()));

    /// <summary>Appends <paramref name="tokens"/> as a new sequence.</summary>
    public unsafe void Append(ReadOnlySpan<int> tokens)
    {
        var live = Live();
        fixed (int* pointer = tokens)
        {
            OgaResult.Check(NativeMethods.OgaAppendTokenSequence(pointer, (nuint)tokens.Length, live), "OgaAppendTokenSequence");
        }
    }

    /// <summary>Appends one token to sequence <paramref name="index"/> (a new one when it equals <see cref="Count"/>).</summary>
    public void Append(int token, int index) =>
        OgaResult.Check(NativeMethods.OgaAppendTokenToSequence(token, Live(), (nuint)index), "OgaAppendTokenToSequence");

    /// <summary>A copy of sequence <paramref name="index"/>.</summary>
    public unsafe int[] this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var live = Live();
            var count = checked((int)NativeMethods.OgaSequencesGetSequenceCount(live, (nuint)index));
            var data = NativeMethods.OgaSequencesGetSequenceData(live, (nuint)index);
            return count == 0 ? [] : new ReadOnlySpan<int>(data, count).ToArray();
        }
    }

    public void Dispose() => Handle.Dispose();

    internal SequencesHandle Live()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
