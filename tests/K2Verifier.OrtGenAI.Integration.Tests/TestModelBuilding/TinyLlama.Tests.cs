using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.TestModelBuilding;

/// <summary>The tests' entry point: the <see cref="TinyLlamaShape.Tiny"/> model with ../shared/models' tiny-random-gpt2 tokenizer.</summary>
internal static partial class TinyLlama
{
    /// <summary>Writes the tests' model into <paramref name="folder"/> (created; must not exist).</summary>
    public static void Write(string folder, int seed = 17) => Write(folder, TestModels.Gpt2, TinyLlamaShape.Tiny, seed);
}
