using K2Verifier.Sharding;

namespace K2Verifier.Core.Tests.Sharding;

public sealed class ShardResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Resolve_ExplicitShard_WinsOverEnvironment()
    {
        var problems = new List<string>();

        var (shard, source) = ShardResolver.Resolve("1/3", null, Env(("K2V_SHARD", "0/2"), ("SLURM_ARRAY_TASK_ID", "5")), problems);

        Assert.Empty(problems);
        Assert.Equal(new ShardSpec(1, 3), shard);
        Assert.Equal("--shard", source);
    }

    [Fact]
    public void Resolve_KubernetesIndexedJob_UsesCompletionIndexAndShards()
    {
        var problems = new List<string>();

        var (shard, source) = ShardResolver.Resolve(null, 4, Env(("JOB_COMPLETION_INDEX", "2")), problems);

        Assert.Empty(problems);
        Assert.Equal(new ShardSpec(2, 4), shard);
        Assert.Equal("JOB_COMPLETION_INDEX", source);
    }

    [Fact]
    public void Resolve_KubernetesIndexedJobWithoutShards_AsksForShards()
    {
        var problems = new List<string>();

        var (shard, _) = ShardResolver.Resolve(null, null, Env(("JOB_COMPLETION_INDEX", "2")), problems);

        Assert.Null(shard);
        Assert.Contains(problems, p => p.Contains("--shards N", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_SlurmArrayStartingAtOne_IsZeroBased()
    {
        var problems = new List<string>();

        var (shard, source) = ShardResolver.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "4"), ("SLURM_ARRAY_TASK_MIN", "1"), ("SLURM_ARRAY_TASK_COUNT", "4")), problems);

        Assert.Empty(problems);
        Assert.Equal(new ShardSpec(3, 4), shard);
        Assert.Equal("SLURM_ARRAY_TASK_ID", source);
    }

    [Fact]
    public void Resolve_SlurmIndexOutOfRange_NamesTheVariable()
    {
        var problems = new List<string>();

        var (shard, _) = ShardResolver.Resolve(null, null, Env(("SLURM_ARRAY_TASK_ID", "9"), ("SLURM_ARRAY_TASK_COUNT", "4")), problems);

        Assert.Null(shard);
        Assert.Contains(problems, p => p.Contains("SLURM_ARRAY_TASK_ID=9", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_K2vShardVariable_Parsed()
    {
        var problems = new List<string>();

        var (shard, source) = ShardResolver.Resolve(null, null, Env(("K2V_SHARD", "0/2")), problems);

        Assert.Empty(problems);
        Assert.Equal(new ShardSpec(0, 2), shard);
        Assert.Equal("K2V_SHARD", source);
    }

    [Fact]
    public void Resolve_ShardsDisagreeWithExplicitCount_IsAProblem()
    {
        var problems = new List<string>();

        var (shard, _) = ShardResolver.Resolve("1/3", 4, Env(), problems);

        Assert.Null(shard);
        Assert.Contains(problems, p => p.Contains("--shards says 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Resolve_NothingSet_Unsharded()
    {
        var problems = new List<string>();

        var (shard, source) = ShardResolver.Resolve(null, null, Env(), problems);

        Assert.Empty(problems);
        Assert.Null(shard);
        Assert.Null(source);
    }
}
