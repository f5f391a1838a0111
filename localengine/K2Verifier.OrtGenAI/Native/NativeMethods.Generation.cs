using System.Runtime.InteropServices;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>The C API's tokenizer, generator params and generator functions (see <c>NativeMethods.cs</c>).</summary>
internal static partial class NativeMethods
{
    // Tokenizer.
    [LibraryImport(LibraryName)]
    public static partial nint OgaCreateTokenizer(ModelHandle model, out nint tokenizer);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyTokenizer(nint tokenizer);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaTokenizerEncode(TokenizerHandle tokenizer, string text, SequencesHandle sequences);

    /// <summary>The returned string must be freed with <see cref="OgaDestroyString"/>.</summary>
    [LibraryImport(LibraryName)]
    public static unsafe partial nint OgaTokenizerDecode(TokenizerHandle tokenizer, int* tokens, nuint tokenCount, out nint text);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaTokenizerToTokenId(TokenizerHandle tokenizer, string text, out int tokenId);

    [LibraryImport(LibraryName)]
    public static partial nint OgaTokenizerGetBosTokenId(TokenizerHandle tokenizer, out int tokenId);

    [LibraryImport(LibraryName)]
    public static partial nint OgaTokenizerGetPadTokenId(TokenizerHandle tokenizer, out int tokenId);

    /// <summary>The array is owned by the tokenizer.</summary>
    [LibraryImport(LibraryName)]
    public static unsafe partial nint OgaTokenizerGetEosTokenIds(TokenizerHandle tokenizer, out int* tokenIds, out nuint count);

    [LibraryImport(LibraryName)]
    public static partial nint OgaUpdateTokenizerOptions(TokenizerHandle tokenizer, nint keys, nint values, nuint count);

    [LibraryImport(LibraryName)]
    public static partial nint OgaCreateTokenizerStream(TokenizerHandle tokenizer, out nint stream);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyTokenizerStream(nint stream);

    /// <summary>The returned chunk is owned by the stream and valid until its next call.</summary>
    [LibraryImport(LibraryName)]
    public static partial nint OgaTokenizerStreamDecode(TokenizerStreamHandle stream, int token, out nint chunk);

    // Generator params.
    [LibraryImport(LibraryName)]
    public static partial nint OgaCreateGeneratorParams(ModelHandle model, out nint generatorParams);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyGeneratorParams(nint generatorParams);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaGeneratorParamsSetSearchNumber(GeneratorParamsHandle generatorParams, string name, double value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaGeneratorParamsSetSearchBool(GeneratorParamsHandle generatorParams, string name, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaGeneratorParamsGetSearchNumber(GeneratorParamsHandle generatorParams, string name, out double value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaGeneratorParamsGetSearchBool(GeneratorParamsHandle generatorParams, string name, [MarshalAs(UnmanagedType.U1)] out bool value);

    /// <summary>Guidance types: <c>json_schema</c>, <c>regex</c>, <c>lark_grammar</c> (llguidance).</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaGeneratorParamsSetGuidance(
        GeneratorParamsHandle generatorParams, string type, string data, [MarshalAs(UnmanagedType.U1)] bool enableFastForwardTokens);

    // Generator.
    [LibraryImport(LibraryName)]
    public static partial nint OgaCreateGenerator(ModelHandle model, GeneratorParamsHandle generatorParams, out nint generator);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyGenerator(nint generator);

    [LibraryImport(LibraryName)]
    [return: MarshalAs(UnmanagedType.U1)]
    public static partial bool OgaGenerator_IsDone(GeneratorHandle generator);

    [LibraryImport(LibraryName)]
    public static partial nint OgaGenerator_AppendTokenSequences(GeneratorHandle generator, SequencesHandle sequences);

    [LibraryImport(LibraryName)]
    public static unsafe partial nint OgaGenerator_AppendTokens(GeneratorHandle generator, int* tokens, nuint tokenCount);

    [LibraryImport(LibraryName)]
    public static partial nuint OgaGenerator_TokenCount(GeneratorHandle generator);

    [LibraryImport(LibraryName)]
    public static partial nint OgaGenerator_GenerateNextToken(GeneratorHandle generator);

    /// <summary>One token per batch row, valid until the next generator call.</summary>
    [LibraryImport(LibraryName)]
    public static unsafe partial nint OgaGenerator_GetNextTokens(GeneratorHandle generator, out int* tokens, out nuint count);

    [LibraryImport(LibraryName)]
    public static partial nint OgaGenerator_RewindTo(GeneratorHandle generator, nuint newLength);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaGenerator_SetRuntimeOption(GeneratorHandle generator, string key, string value);

    [LibraryImport(LibraryName)]
    public static partial nuint OgaGenerator_GetSequenceCount(GeneratorHandle generator, nuint index);

    /// <summary>Owned by the generator; copy before the generator is destroyed.</summary>
    [LibraryImport(LibraryName)]
    public static unsafe partial int* OgaGenerator_GetSequenceData(GeneratorHandle generator, nuint index);

    /// <summary>The last position's logits as a CPU tensor the caller destroys with <see cref="OgaDestroyTensor"/>.</summary>
    [LibraryImport(LibraryName)]
    public static partial nint OgaGenerator_GetLogits(GeneratorHandle generator, out nint tensor);

    // Tensors (only what the logits-width check needs).
    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyTensor(nint tensor);

    [LibraryImport(LibraryName)]
    public static partial nint OgaTensorGetShapeRank(TensorHandle tensor, out nuint rank);

    [LibraryImport(LibraryName)]
    public static unsafe partial nint OgaTensorGetShape(TensorHandle tensor, long* shape, nuint rank);
}
