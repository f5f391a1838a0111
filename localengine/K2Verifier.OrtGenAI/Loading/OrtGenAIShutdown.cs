using Microsoft.ML.OnnxRuntimeGenAI;

namespace K2Verifier.OrtGenAI.Loading;

/// <summary>
/// Calls <c>OgaShutdown</c> (through the managed API's <see cref="OgaHandle"/>) at process exit when it is allowed:
/// the C API requires every model, generator and tokenizer to be destroyed first (undefined behaviour otherwise), so
/// with a loaded engine still alive it is skipped.
/// </summary>
internal static class OrtGenAIShutdown
{
    private static int _liveModels;

    /// <summary>Counts a model loaded by this project.</summary>
    public static void ModelLoaded() => Interlocked.Increment(ref _liveModels);

    /// <summary>Counts a model released.</summary>
    public static void ModelReleased() => Interlocked.Decrement(ref _liveModels);

    public static void AtProcessExit()
    {
        if (Volatile.Read(ref _liveModels) == 0)
        {
            new OgaHandle().Dispose();
        }
    }
}
