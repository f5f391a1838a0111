using System.CommandLine;
using K2Verifier.Sharding;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>--shard I/N</c> and <c>--shards N</c> of <c>run</c>: a deterministic slice of the dataset, taken from the flag or
/// from the job array's variables (Kubernetes Indexed Jobs, SLURM arrays, <c>K2V_SHARD</c>).
/// </summary>
internal sealed class ShardOptions
{
    public Option<string?> Shard { get; } = new("--shard") { Description = "Run shard I of N (0-based, e.g. 0/4): the requests whose hash falls in it. Default: from JOB_COMPLETION_INDEX (with --shards), SLURM_ARRAY_TASK_ID/COUNT or K2V_SHARD, else the whole dataset." };

    public Option<int?> Shards { get; } = new("--shards") { Description = "The shard count for JOB_COMPLETION_INDEX (a Kubernetes Indexed Job's completions)." };

    public IEnumerable<Option> All => [Shard, Shards];

    /// <summary>The shard and where it came from (null for an unsharded run); problems are appended.</summary>
    public (ShardSpec? Shard, string? Source) Bind(ParseResult parseResult, List<string> problems, Func<string, string?>? environment = null) =>
        ShardResolver.Resolve(parseResult.GetValue(Shard), parseResult.GetValue(Shards), environment ?? Environment.GetEnvironmentVariable, problems);
}
