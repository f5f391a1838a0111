namespace K2Verifier.OrtGenAI.Native;

/// <summary>
/// Calls <c>OgaShutdown</c> at process exit when it is allowed: the C API requires every model, generator and
/// tokenizer to be destroyed first (undefined behaviour otherwise), so with live handles it is skipped.
/// </summary>
internal static class OrtGenAIShutdown
{
    public static void AtProcessExit()
    {
        if (OgaSafeHandle.LiveHandles == 0)
        {
            NativeMethods.OgaShutdown();
        }
    }
}
