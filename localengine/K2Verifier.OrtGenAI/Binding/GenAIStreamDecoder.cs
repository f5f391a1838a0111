using System.Runtime.InteropServices;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>
/// Incremental detokenization over an <c>OgaTokenizerStream</c>: each <see cref="Decode"/> returns the text the token completes, which may be empty
/// while a multi-byte character or a word is still partial. Concatenated chunks equal the decoded sequence.
/// </summary>
public sealed class GenAIStreamDecoder : IDisposable
{
    internal GenAIStreamDecoder(GenAITokenizer tokenizer)
    {
        var result = NativeMethods.OgaCreateTokenizerStream(tokenizer.Live(), out var stream);
        Handle = OgaResult.Wrap(result, stream, h => new TokenizerStreamHandle(h), "OgaCreateTokenizerStream");
    }

    internal TokenizerStreamHandle Handle { get; }

    /// <summary>Feeds one token; returns the text it completes (the native buffer is copied: it is reused on the next call).</summary>
    public string Decode(int token)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        OgaResult.Check(NativeMethods.OgaTokenizerStreamDecode(Handle, token, out var chunk), "OgaTokenizerStreamDecode");
        return Marshal.PtrToStringUTF8(chunk) ?? string.Empty;
    }

    public void Dispose() => Handle.Dispose();
}
