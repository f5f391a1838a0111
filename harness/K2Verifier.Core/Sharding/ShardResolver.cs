using System.Globalization;

namespace K2Verifier.Sharding;

/// <summary>
/// Finds the shard a run should take: <c>--shard I/N</c>, else the job arrays' own variables: a Kubernetes Indexed
/// Job's <c>JOB_COMPLETION_INDEX</c> (with <c>--shards N</c>, the Job's completions), a SLURM array's
/// <c>SLURM_ARRAY_TASK_ID</c> / <c>SLURM_ARRAY_TASK_MIN</c> / <c>SLURM_ARRAY_TASK_COUNT</c>, or <c>K2V_SHARD=I/N</c>.
/// </summary>
public static class ShardResolver
{
    /// <summary>The shard and where it came from, or (null, null) for an unsharded run; problems are appended.</summary>
    /// <param name="explicitShard">The <c>--shard</c> value, if given.</param>
    /// <param name="shards">The <c>--shards</c> value, if given (the count for <c>JOB_COMPLETION_INDEX</c>, or to check SLURM's).</param>
    /// <param name="environment">Reads an environment variable (injected for tests).</param>
    /// <param name="problems">Receives every problem found.</param>
    public static (ShardSpec? Shard, string? Source) Resolve(string? explicitShard, int? shards, Func<string, string?> environment, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(problems);
        if (explicitShard is not null)
        {
            return Checked(ShardSpec.Parse(explicitShard, "--shard", out var problem), problem, shards, "--shard", problems);
        }

        if (environment("JOB_COMPLETION_INDEX") is { Length: > 0 } completion)
        {
            if (shards is null)
            {
                problems.Add("JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): give --shards N, the Job's completions");
                return (null, null);
            }

            return Checked(FromIndex(completion, 0, shards.Value, "JOB_COMPLETION_INDEX", out var problem), problem, null, "JOB_COMPLETION_INDEX", problems);
        }

        if (environment("SLURM_ARRAY_TASK_ID") is { Length: > 0 } task)
        {
            var count = shards ?? Number(environment("SLURM_ARRAY_TASK_COUNT"));
            if (count is null)
            {
                problems.Add("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not: give --shards N");
                return (null, null);
            }

            var first = Number(environment("SLURM_ARRAY_TASK_MIN")) ?? 0;
            return Checked(FromIndex(task, first, count.Value, "SLURM_ARRAY_TASK_ID", out var problem), problem, null, "SLURM_ARRAY_TASK_ID", problems);
        }

        if (environment("K2V_SHARD") is { Length: > 0 } variable)
        {
            return Checked(ShardSpec.Parse(variable, "K2V_SHARD", out var problem), problem, shards, "K2V_SHARD", problems);
        }

        if (shards is not null)
        {
            problems.Add("--shards N needs a shard index: --shard I/N, JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or K2V_SHARD");
        }

        return (null, null);
    }

    private static ShardSpec? FromIndex(string text, int first, int count, string source, out string? problem)
    {
        if (Number(text) is not { } index)
        {
            problem = $"{source}=\"{text}\" is not a whole number";
            return null;
        }

        return ShardSpec.Create(index - first, count, $"{source}={text}", out problem);
    }

    private static (ShardSpec?, string?) Checked(ShardSpec? shard, string? problem, int? shards, string source, List<string> problems)
    {
        if (problem is not null)
        {
            problems.Add(problem);
            return (null, null);
        }

        if (shard is not null && shards is { } count && count != shard.Count)
        {
            problems.Add($"{source} says {shard.Count} shards but --shards says {count}");
            return (null, null);
        }

        return (shard, source);
    }

    private static int? Number(string? text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
}
