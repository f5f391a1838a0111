using K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;
using K2Verifier.OrtGenAI.Model;
using K2Verifier.OrtGenAI.Serving;

namespace K2Verifier.OrtGenAI.Integration.Tests.Serving;

public sealed class TrimmedModelCacheTests
{
    [Fact]
    public void Resolve_TokenizerWiderThanTheLogits_CreatesTheTrimmedCopyOnceThenReusesIt()
    {
        using var cache = new TemporaryFolder();

        var first = TrimmedModelCache.Resolve(TestModels.Gpt2, out var created, cache.Path);
        var second = TrimmedModelCache.Resolve(TestModels.Gpt2, out var cached, cache.Path);

        Assert.Equal(first, second);
        Assert.StartsWith(cache.Path, first);
        Assert.Contains("the tokenizer has 50,295 ids but the model only 1,000 logits", created);
        Assert.Contains("(created in ", created);
        Assert.Contains("(cached in ", cached);
        Assert.Equal(1000, TokenizerFolder.Read(first).VocabularySize);
        Assert.Single(Directory.GetDirectories(cache.Path));
    }

    [Fact]
    public void Resolve_TokenizerThatFitsTheLogits_ServesTheFolderItself()
    {
        using var cache = new TemporaryFolder();
        var trimmed = TrimmedModelCache.Resolve(TestModels.Gpt2, out _, cache.Path);

        var resolved = TrimmedModelCache.Resolve(trimmed, out var notice, cache.Path);

        Assert.Equal(trimmed, resolved);
        Assert.Null(notice);
    }
}
