namespace K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

/// <summary>The dimensions of a <see cref="TinyLlama"/> model: hidden size, attention (and KV) heads, head size, layers.</summary>
internal sealed record TinyLlamaShape(int Hidden, int Heads, int HeadSize, int Layers)
{
    /// <summary>The tests' model: hidden 32, 2 heads of 8, 2 layers (about 330 KiB of weights).</summary>
    public static TinyLlamaShape Tiny { get; } = new(32, 2, 8, 2);
}
