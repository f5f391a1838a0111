using K2Verifier.OrtGenAI.Guidance;
using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

namespace K2Verifier.OrtGenAI.Integration.Tests.Guidance;

/// <summary>A copy of tiny-random-gpt2 with its tokenizer trimmed to the model's 1000 logits, made once per test class.</summary>
public sealed class TrimmedGpt2 : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public TrimmedGpt2() => KeptTokens = VocabularyTrimmer.CreateTrimmedCopy(TestModels.Gpt2, _folder.Path);

    public string Path => _folder.Path;

    public int KeptTokens { get; }

    public void Dispose() => _folder.Dispose();
}
