using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

namespace K2Verifier.OrtGenAI.Integration.Tests.Batching;

/// <summary>A class fixture: the tiny llama model written once into a temporary folder (GenAI's engine accepts it).</summary>
public sealed class TinyLlamaFolder : IDisposable
{
    private readonly TemporaryFolder _root = new();

    public TinyLlamaFolder()
    {
        TestModels.LoadLibraries();
        Path = System.IO.Path.Combine(_root.Path, "tiny-llama");
        TinyLlama.Write(Path);
    }

    public string Path { get; }

    public void Dispose() => _root.Dispose();
}
