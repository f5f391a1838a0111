using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using K2Verifier.Dataset;
using K2Verifier.Json;
using K2Verifier.Preparation;
using K2Verifier.Running;
using K2Verifier.Sharding;

namespace K2Verifier.Cli.Commands;

/// <summary>Writes a shard run's manifest beside its journal: the settings that change the answers, its rows and hashes.</summary>
internal static class ShardManifestWriter
{
    /// <summary>Options that do not change what a deployment answers: shards may differ in them and still merge.</summary>
    internal static readonly HashSet<string> Operational = new(StringComparer.Ordinal)
    {
        "--output", "--summary", "--report-dir", "--concurrency", "--incremental", "--api-key", "--shard", "--shards",
        "--timeout", "--retries", "--rate-limit-retries", "--strict", "--repeat", "--gate", "--junit", "--baseline",
        "--categories", "--published", "--metrics-port", "--otlp-endpoint", "--json", "--max-failure-rate", "--idle-timeout",
        "--max-wait", "--rate-limit", "--tokens-per-minute", "--help", "--early-stop", "--confidence", "--order-seed",
    };

    /// <summary>Writes <c>NAME.manifest.json</c> beside the journal of a finished (or stopped) shard run; returns its path.</summary>
    public static async Task<string> WriteAsync(ParseResult parseResult, RunOptions options, RunReport report, CancellationToken cancellationToken)
    {
        var shard = options.Shard ?? throw new ArgumentException("not a shard run", nameof(options));
        var manifest = new ShardManifest
        {
            HarnessVersion = HarnessVersion.Value,
            Dataset = options.DatasetPath,
            DatasetSha256 = report.Summary.Run.DatasetSha256 ?? ShardManifestFile.Sha256(options.DatasetPath),
            ShardIndex = shard.Index,
            ShardCount = shard.Count,
            Settings = Settings(parseResult),
            Journal = Path.GetFileName(options.OutputPath),
            Assigned = await AssignedAsync(options, shard, cancellationToken).ConfigureAwait(false),
            Rows = report.Summary.TotalRows,
            JournalSha256 = ShardManifestFile.Sha256(options.OutputPath),
            Complete = report.Outcome == RunOutcome.Completed,
            StartedAt = report.Summary.Run.StartedAt,
            FinishedAt = report.Summary.Run.FinishedAt,
            RequestsSent = report.Summary.Run.RequestsSent ?? 0,
            SkippedLines = report.Summary.Run.SkippedLines,
            Concurrency = options.Concurrency,
        };
        var path = ShardManifestFile.PathFor(options.OutputPath);
        await ShardManifestFile.WriteAsync(manifest, path, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>Every answer-changing option of the command with a value, as JSON text.</summary>
    internal static SortedDictionary<string, string> Settings(ParseResult parseResult)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var option in parseResult.CommandResult.Command.Options)
        {
            if (Operational.Contains(option.Name) || parseResult.GetResult(option) is not OptionResult result)
            {
                continue;
            }

            if (result.GetValueOrDefault<object?>() is { } value)
            {
                settings[option.Name.TrimStart('-')] = SettingJson(option.Name, value);
            }
        }

        return settings;
    }

    /// <summary>
    /// An option's value as JSON text, as the manifest records it (the text JsonSerializer wrote for it before): the
    /// answer-changing options of <c>run</c> are strings, switches and numbers (a test holds every one to that).
    /// </summary>
    internal static string SettingJson(string option, object value) => value switch
    {
        string text => JsonText.Quote(text),
        bool flag => flag ? "true" : "false",
        int or long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => JsonText.Number(number),
        _ => throw new NotSupportedException($"{option}: a {value.GetType().Name} value has no place in a shard manifest"),
    };

    /// <summary>Usable dataset requests that fall in the shard (by the same preparation as the run).</summary>
    private static async Task<int> AssignedAsync(RunOptions options, ShardSpec shard, CancellationToken cancellationToken)
    {
        var preparer = new RequestPreparer(options.Preparation);
        var assigned = 0;
        await foreach (var record in DatasetReader.ReadAsync(options.DatasetPath, cancellationToken).ConfigureAwait(false))
        {
            if (record.IsValid && shard.Contains(preparer.Prepare(record).Hash))
            {
                assigned++;
            }
        }

        return assigned;
    }
}
