using System.Runtime.InteropServices;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>
/// The ONNX Runtime GenAI C API (<c>ort_genai_c.h</c>, 0.15.2): results, strings, config, model and sequences.
/// Every signature was checked against the exported symbols of the CPU build (<c>nm -D --defined-only</c>).
/// Native types map as: <c>size_t</c> → <see cref="nuint"/>, C <c>bool</c> (one byte) → <c>U1</c>,
/// <c>const char*</c> in → UTF-8, every <c>OgaResult*</c> → <see cref="nint"/> checked by <see cref="OgaResult.Check"/>.
/// The API is not thread safe: callers serialise access per object.
/// </summary>
internal static partial class NativeMethods
{
    /// <summary>The name every import uses; <see cref="Loading.OrtGenAILibrary"/> resolves it to a full path.</summary>
    public const string LibraryName = "onnxruntime-genai";

    [LibraryImport(LibraryName)]
    public static partial void OgaShutdown();

    [LibraryImport(LibraryName)]
    public static partial nint OgaResultGetError(nint result);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyResult(nint result);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyString(nint value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaSetLogBool(string name, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaSetLogString(string name, string value);

    // Config and providers.
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaCreateConfig(string configPath, out nint config);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyConfig(nint config);

    [LibraryImport(LibraryName)]
    public static partial nint OgaConfigClearProviders(ConfigHandle config);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaConfigAppendProvider(ConfigHandle config, string provider);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaConfigSetProviderOption(ConfigHandle config, string provider, string key, string value);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaConfigOverlay(ConfigHandle config, string json);

    // Model.
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaCreateModel(string configPath, out nint model);

    [LibraryImport(LibraryName)]
    public static partial nint OgaCreateModelFromConfig(ConfigHandle config, out nint model);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroyModel(nint model);

    /// <summary>The returned string must be freed with <see cref="OgaDestroyString"/>.</summary>
    [LibraryImport(LibraryName)]
    public static partial nint OgaModelGetType(ModelHandle model, out nint type);

    /// <summary>The returned string must be freed with <see cref="OgaDestroyString"/>.</summary>
    [LibraryImport(LibraryName)]
    public static partial nint OgaModelGetDeviceType(ModelHandle model, out nint deviceType);

    // Sequences.
    [LibraryImport(LibraryName)]
    public static partial nint OgaCreateSequences(out nint sequences);

    [LibraryImport(LibraryName)]
    public static partial void OgaDestroySequences(nint sequences);

    [LibraryImport(LibraryName)]
    public static partial nuint OgaSequencesCount(SequencesHandle sequences);

    [LibraryImport(LibraryName)]
    public static unsafe partial nint OgaAppendTokenSequence(int* tokens, nuint tokenCount, SequencesHandle sequences);

    [LibraryImport(LibraryName)]
    public static partial nint OgaAppendTokenToSequence(int token, SequencesHandle sequences, nuint sequenceIndex);

    [LibraryImport(LibraryName)]
    public static partial nuint OgaSequencesGetSequenceCount(SequencesHandle sequences, nuint sequenceIndex);

    /// <summary>Valid until the sequences are destroyed.</summary>
    [LibraryImport(LibraryName)]
    public static unsafe partial int* OgaSequencesGetSequenceData(SequencesHandle sequences, nuint sequenceIndex);
}
