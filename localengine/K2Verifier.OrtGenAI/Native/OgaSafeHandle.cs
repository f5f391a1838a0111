using System.Runtime.InteropServices;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>
/// Base of every GenAI object handle: owns one native pointer, destroys it exactly once (dispose twice is safe; a
/// finalizer covers a forgotten dispose) and counts live handles so <see cref="OrtGenAIShutdown"/> can tell whether
/// calling <c>OgaShutdown</c> at process exit is safe (the C API forbids it while objects are alive).
/// </summary>
internal abstract class OgaSafeHandle : SafeHandle
{
    private static int _liveHandles;

    protected OgaSafeHandle(nint handle)
        : base(nint.Zero, ownsHandle: true)
    {
        SetHandle(handle);
        if (handle != nint.Zero)
        {
            Interlocked.Increment(ref _liveHandles);
        }
    }

    /// <summary>Native objects created and not yet destroyed.</summary>
    public static int LiveHandles => Volatile.Read(ref _liveHandles);

    public override bool IsInvalid => handle == nint.Zero;

    protected sealed override bool ReleaseHandle()
    {
        Destroy(handle);
        Interlocked.Decrement(ref _liveHandles);
        return true;
    }

    /// <summary>Calls the type's <c>OgaDestroy*</c> function.</summary>
    protected abstract void Destroy(nint value);
}
