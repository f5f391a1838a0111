namespace K2Verifier.OrtGenAI;

/// <summary>
/// A call into ONNX Runtime GenAI failed. <see cref="NativeMessage"/> is the library's own message (the managed
/// API's <c>OnnxRuntimeGenAIException</c> message), e.g. <c>Error opening /x/genai_config.json</c> or
/// <c>Cuda interface not available: Failed to load library: …libonnxruntime-genai-cuda.so…</c>.
/// </summary>
public sealed class OrtGenAIException : Exception
{
    public OrtGenAIException(string operation, string nativeMessage)
        : base($"{operation} failed: {nativeMessage}")
    {
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    public OrtGenAIException()
    {
        Operation = string.Empty;
        NativeMessage = string.Empty;
    }

    public OrtGenAIException(string message)
        : base(message)
    {
        Operation = string.Empty;
        NativeMessage = message;
    }

    public OrtGenAIException(string message, Exception innerException)
        : base(message, innerException)
    {
        Operation = string.Empty;
        NativeMessage = message;
    }

    /// <summary>What was being done, e.g. <c>OgaCreateModel</c> (the C function the managed call wraps).</summary>
    public string Operation { get; }

    /// <summary>The native library's message, verbatim.</summary>
    public string NativeMessage { get; }
}
