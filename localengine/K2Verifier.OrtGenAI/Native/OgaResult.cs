using System.Runtime.InteropServices;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>Turns every <c>OgaResult*</c> into an <see cref="OrtGenAIException"/> and every returned string into a managed one.</summary>
internal static class OgaResult
{
    /// <summary>
    /// Throws when <paramref name="result"/> is not null: reads the native message with <c>OgaResultGetError</c>,
    /// then destroys the result (its message is owned by it).
    /// </summary>
    public static void Check(nint result, string operation)
    {
        if (result == nint.Zero)
        {
            return;
        }

        string message;
        try
        {
            message = Marshal.PtrToStringUTF8(NativeMethods.OgaResultGetError(result)) ?? "(no message)";
        }
        finally
        {
            NativeMethods.OgaDestroyResult(result);
        }

        throw new OrtGenAIException(operation, message);
    }

    /// <summary>Checks <paramref name="result"/>, then copies and frees a string the caller owns (<c>OgaDestroyString</c>).</summary>
    public static string TakeString(nint result, nint value, string operation)
    {
        Check(result, operation);
        try
        {
            return Marshal.PtrToStringUTF8(value) ?? string.Empty;
        }
        finally
        {
            if (value != nint.Zero)
            {
                NativeMethods.OgaDestroyString(value);
            }
        }
    }

    /// <summary>Checks <paramref name="result"/> and wraps the created object; a null object is an error too.</summary>
    public static T Wrap<T>(nint result, nint created, Func<nint, T> wrap, string operation)
        where T : OgaSafeHandle
    {
        Check(result, operation);
        if (created == nint.Zero)
        {
            throw new OrtGenAIException(operation, "the native call succeeded but returned no object");
        }

        return wrap(created);
    }
}
