using System.Runtime.InteropServices;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>The model's tokenizer (from its tokenizer.json / tokenizer_config.json). Not thread safe.</summary>
public sealed class GenAITokenizer : IDisposable
{
    /// <summary>Creates the tokenizer of <paramref name="model"/>; fails with the native message when the folder has none.</summary>
    public GenAITokenizer(GenAIModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = NativeMethods.OgaCreateTokenizer(model.Live(), out var tokenizer);
        Handle = OgaResult.Wrap(result, tokenizer, h => new TokenizerHandle(h), "OgaCreateTokenizer");
    }

    internal TokenizerHandle Handle { get; }

    /// <summary>Encodes UTF-8 text (no special tokens are added unless <c>add_special_tokens</c> is set).</summary>
    public int[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var sequences = new GenAISequences();
        OgaResult.Check(NativeMethods.OgaTokenizerEncode(Live(), text, sequences.Live()), "OgaTokenizerEncode");
        return sequences[0];
    }

    /// <summary>Decodes token ids to text (special tokens skipped unless <c>skip_special_tokens</c> is false).</summary>
    public unsafe string Decode(ReadOnlySpan<int> tokens)
    {
        var live = Live();
        fixed (int* pointer = tokens)
        {
            var result = NativeMethods.OgaTokenizerDecode(live, pointer, (nuint)tokens.Length, out var text);
            return OgaResult.TakeString(result, text, "OgaTokenizerDecode");
        }
    }

    /// <summary>The id of a single token's text (e.g. a special token such as <c>&lt;|endoftext|&gt;</c>).</summary>
    public int ToTokenId(string token)
    {
        OgaResult.Check(NativeMethods.OgaTokenizerToTokenId(Live(), token, out var id), "OgaTokenizerToTokenId");
        return id;
    }

    /// <summary>The BOS token id.</summary>
    public int BosTokenId
    {
        get
        {
            OgaResult.Check(NativeMethods.OgaTokenizerGetBosTokenId(Live(), out var id), "OgaTokenizerGetBosTokenId");
            return id;
        }
    }

    /// <summary>The PAD token id.</summary>
    public int PadTokenId
    {
        get
        {
            OgaResult.Check(NativeMethods.OgaTokenizerGetPadTokenId(Live(), out var id), "OgaTokenizerGetPadTokenId");
            return id;
        }
    }

    /// <summary>The EOS token ids (genai_config's <c>eos_token_id</c>, which may be a list).</summary>
    public unsafe int[] EosTokenIds
    {
        get
        {
            OgaResult.Check(NativeMethods.OgaTokenizerGetEosTokenIds(Live(), out var ids, out var count), "OgaTokenizerGetEosTokenIds");
            return count == 0 ? [] : new ReadOnlySpan<int>(ids, checked((int)count)).ToArray();
        }
    }

    /// <summary>Updates tokenizer options: <c>add_special_tokens</c> (default false), <c>skip_special_tokens</c> (default true).</summary>
    public void UpdateOptions(IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new nint[options.Count];
        var values = new nint[options.Count];
        try
        {
            var i = 0;
            foreach (var (key, value) in options)
            {
                keys[i] = Marshal.StringToCoTaskMemUTF8(key);
                values[i] = Marshal.StringToCoTaskMemUTF8(value);
                i++;
            }

            unsafe
            {
                fixed (nint* keyPointer = keys)
                fixed (nint* valuePointer = values)
                {
                    OgaResult.Check(
                        NativeMethods.OgaUpdateTokenizerOptions(Live(), (nint)keyPointer, (nint)valuePointer, (nuint)keys.Length),
                        "OgaUpdateTokenizerOptions");
                }
            }
        }
        finally
        {
            foreach (var pointer in keys.Concat(values))
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    /// <summary>A stream decoder for incremental detokenization (one token in, the completed text out).</summary>
    public GenAIStreamDecoder CreateStream() => new(this);

    public void Dispose() => Handle.Dispose();

    internal TokenizerHandle Live()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
