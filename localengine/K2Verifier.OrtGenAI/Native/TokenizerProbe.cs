using System.Runtime.InteropServices;
using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>
/// Tries to create a model folder's tokenizer through the C API (<c>OgaCreateTokenizerFromPath</c>) and releases it at
/// once. The managed API's <c>Tokenizer</c> must never be constructed when this fails: in 0.20.0 a <c>Tokenizer</c>
/// whose constructor threw is still finalized, and its finalizer passes the null handle to <c>OgaDestroyTokenizer</c>,
/// which crashes the process (SIGSEGV) at the next garbage collection (measured on tiny-random-lfm2, which has no
/// tokenizer_config.json).
/// </summary>
internal static partial class TokenizerProbe
{
    /// <summary>Null when the folder's tokenizer can be created, else GenAI's message.</summary>
    public static string? Problem(string modelDirectory)
    {
        OrtGenAILibrary.Load();
        var result = OgaCreateTokenizerFromPath(modelDirectory, out var tokenizer);
        if (result == nint.Zero)
        {
            OgaDestroyTokenizer(tokenizer);
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(OgaResultGetError(result)) ?? "(no message)";
        }
        finally
        {
            OgaDestroyResult(result);
        }
    }

    [LibraryImport(OrtGenAILibrary.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OgaCreateTokenizerFromPath(string configPath, out nint tokenizer);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    private static partial void OgaDestroyTokenizer(nint tokenizer);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    private static partial nint OgaResultGetError(nint result);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    private static partial void OgaDestroyResult(nint result);
}
