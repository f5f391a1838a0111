namespace K2Verifier.OrtGenAI.Loading;

/// <summary>Where the native libraries were loaded from.</summary>
/// <param name="GenAIPath">The ONNX Runtime GenAI library (a full path, or the bare name the system loader resolved).</param>
/// <param name="OnnxRuntimePath">The ONNX Runtime library preloaded for it (GenAI dlopens it and reuses a loaded copy).</param>
/// <param name="Source">Which probe found it: <c>--ortgenai-lib</c>, <c>K2V_ORTGENAI_LIB</c>, <c>application folder</c> or <c>system loader</c>.</param>
public sealed record NativeLibraryLocation(string GenAIPath, string OnnxRuntimePath, string Source);
