namespace K2Verifier.OrtGenAI.Loading;

/// <summary>ONNX Runtime GenAI (or the ONNX Runtime beside it) could not be loaded; the message says where it looked and how to get it.</summary>
public sealed class OrtGenAILibraryNotFoundException : Exception
{
    /// <summary>How to get the libraries, appended to every message.</summary>
    public const string Remedy =
        "The Microsoft.ML.OnnxRuntimeGenAI package deploys them in the application's runtimes/<rid>/native folder "
        + "(rebuild: dotnet build -c Release); or point --ortgenai-lib PATH or " + OrtGenAILibrary.EnvironmentVariable + " at a libonnxruntime-genai.so (or its folder) "
        + "with libonnxruntime.so beside it.";

    public OrtGenAILibraryNotFoundException(IReadOnlyList<string> triedLocations)
        : base(Describe(triedLocations))
    {
        TriedLocations = triedLocations;
    }

    public OrtGenAILibraryNotFoundException()
        : this([])
    {
    }

    public OrtGenAILibraryNotFoundException(string message)
        : base(message)
    {
        TriedLocations = [];
    }

    public OrtGenAILibraryNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
        TriedLocations = [];
    }

    /// <summary>Every place tried, in order, with what was wrong there.</summary>
    public IReadOnlyList<string> TriedLocations { get; }

    private static string Describe(IReadOnlyList<string> tried) =>
        $"ONNX Runtime GenAI {OrtGenAILibrary.NativeVersion} could not be loaded. Looked in:"
        + string.Concat(tried.Select(t => Environment.NewLine + "  - " + t))
        + Environment.NewLine + Remedy;
}
