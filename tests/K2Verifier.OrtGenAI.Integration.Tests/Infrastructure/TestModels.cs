using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>The tiny ONNX Runtime GenAI models in ../shared/models, and library loading for the tests.</summary>
internal static class TestModels
{
    public static string Gpt2 => Repository.Shared("models", "tiny-random-gpt2-fp32");

    public static string Lfm2 => Repository.Shared("models", "tiny-random-lfm2-fp32");

    /// <summary>Loads the package's libraries (the process-wide load happens once).</summary>
    public static NativeLibraryLocation LoadLibraries() => NativeLibraries.Require();

    /// <summary>Copies a model folder to a temporary folder the test may break; deleted on dispose.</summary>
    public static TemporaryFolder CopyOf(string modelDirectory)
    {
        var folder = new TemporaryFolder();
        foreach (var file in Directory.GetFiles(modelDirectory))
        {
            var target = Path.Combine(folder.Path, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }

        return folder;
    }
}
