using K2Verifier.Sharding;

namespace K2Verifier.Core.Tests.Sharding;

public sealed class ShardSpecTests
{
    [Theory]
    [InlineData("0/4", 0, 4)]
    [InlineData("3/4", 3, 4)]
    [InlineData("0/1", 0, 1)]
    public void Parse_ValidText_GivesIndexAndCount(string text, int index, int count)
    {
        var shard = ShardSpec.Parse(text, "--shard", out var problem);

        Assert.Null(problem);
        Assert.Equal(new ShardSpec(index, count), shard);
    }

    [Theory]
    [InlineData("4/4", "out of range")]
    [InlineData("1/0", "out of range")]
    [InlineData("-1/4", "not a shard")]
    [InlineData("2", "not a shard")]
    [InlineData("a/b", "not a shard")]
    public void Parse_InvalidText_NamesTheProblem(string text, string expected)
    {
        var shard = ShardSpec.Parse(text, "--shard", out var problem);

        Assert.Null(shard);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Contains("--shard", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_EveryHash_FallsInExactlyOneShard()
    {
        // Arrange: 2,000 md5-like hashes.
        var hashes = Enumerable.Range(0, 2000).Select(i => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))[..32]).ToList();
        var shards = Enumerable.Range(0, 4).Select(i => new ShardSpec(i, 4)).ToList();

        // Act
        var owners = hashes.Select(h => shards.Count(s => s.Contains(h))).ToList();
        var sizes = shards.Select(s => hashes.Count(s.Contains)).ToList();

        // Assert: a partition, and an even one (each shard 500 ± 15 %).
        Assert.All(owners, n => Assert.Equal(1, n));
        Assert.All(sizes, n => Assert.InRange(n, 425, 575));
    }

    [Fact]
    public void Of_SameHash_SameShardRegardlessOfOtherRequests()
    {
        const string hash = "0123456789abcdef0123456789abcdef";

        Assert.Equal(ShardSpec.Of(hash, 7), ShardSpec.Of(hash, 7));
        Assert.Equal((int)(0x0123456789abcdefUL % 7), ShardSpec.Of(hash, 7));
    }

    [Fact]
    public void Of_NonHexIdentity_StillDeterministic()
    {
        Assert.Equal(ShardSpec.Of("not-a-digest", 5), ShardSpec.Of("not-a-digest", 5));
        Assert.InRange(ShardSpec.Of("not-a-digest", 5), 0, 4);
    }
}
