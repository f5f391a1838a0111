using System.CommandLine;
using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Running;
using K2Verifier.Sharding;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>merge DIR… --output FILE --summary FILE</c>: merges the journals of <c>run --shard I/N</c> into one journal and the
/// summary a single run would have written; refuses shards that do not belong together (exit 2, naming the field).
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("shards") { Description = "Folders holding shard journals and their *.manifest.json (searched recursively), or manifest files.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output") { Description = "The merged results journal.", DefaultValueFactory = _ => "results.jsonl" };
        var summary = new Option<string>("--summary") { Description = "The merged summary.", DefaultValueFactory = _ => "summary.json" };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Merge even when shards are missing or incomplete (the summary then covers only what is there; exit 3 still says so)." };
        var baselineOptions = new BaselineOptions();
        var gateOptions = new GateOptions();
        var command = new Command("merge", "Merge shard journals (from run --shard I/N) into one journal and summary, as one run would have written them.") { inputs, output, summary, allowMissing };
        baselineOptions.AddTo(command);
        gateOptions.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var gates = gateOptions.Bind(parseResult, SummaryMetrics.IsKnown, SummaryMetrics.Names);
            var baseline = baselineOptions.Load(parseResult);
            var problems = new List<string>();
            var shards = ShardSet.Load(parseResult.GetValue(inputs)!, problems);
            if (shards is null)
            {
                throw new UsageException(string.Join(Environment.NewLine + "error: ", problems));
            }

            var gaps = Gaps(shards);
            if (gaps.Count > 0 && !parseResult.GetValue(allowMissing))
            {
                throw new UsageException(string.Join(Environment.NewLine + "error: ", gaps.Append("rerun the missing or incomplete shards (with --incremental), or merge anyway with --allow-missing")));
            }

            var outputPath = parseResult.GetValue(output)!;
            var report = JournalMerger.Merge(shards, outputPath);
            foreach (var note in Notes(shards, report))
            {
                await console.Error.WriteLineAsync($"warning: {note}").ConfigureAwait(false);
            }

            var journal = new ResultsScorer(new CaseEvaluator(JsonSchemaValidator.Default)).Read(outputPath, problem => console.Error.WriteLine($"warning: {problem}"));
            var merged = journal.Summarize(RunOf(shards, report, baselineOptions.PublishedTable(parseResult)), baseline);
            await console.Out.WriteLineAsync($"merged {shards.Shards.Count} shard journal(s) of {shards.Count}: {report.Rows} rows").ConfigureAwait(false);
            await console.Out.WriteLineAsync($"wrote {outputPath}").ConfigureAwait(false);
            var export = new ResultsExport
            {
                Title = $"k2verifier merge of {shards.Count} shards",
                SummaryPath = parseResult.GetValue(summary)!,
                Junit = parseResult.GetValue(gateOptions.Junit),
                Report = new ReportOptions { Baseline = baseline, PublishedTable = baselineOptions.PublishedTable(parseResult), Gates = gates },
            };
            var code = await ResultsPipeline.FinishAsync(console, merged, SummaryGates.Evaluate(gates, merged), [new ReportInput(outputPath) { Journal = journal }], export, cancellationToken).ConfigureAwait(false);
            if (!report.IsComplete)
            {
                await console.Error.WriteLineAsync("error: the merged run is incomplete (missing or stopped shards): its figures cover only what the shards sent").ConfigureAwait(false);
            }

            return code;
        });
        return command;
    }

    /// <summary>Missing and incomplete shards, one message each.</summary>
    private static List<string> Gaps(ShardSet shards)
    {
        var gaps = new List<string>();
        if (shards.Missing.Count > 0)
        {
            gaps.Add($"missing shard(s) {string.Join(", ", shards.Missing)} of {shards.Count} (shards are numbered 0 to {shards.Count - 1})");
        }

        gaps.AddRange(shards.Shards.Where(s => !s.Manifest.Complete).Select(s => $"{s.Describe()} did not complete"));
        return gaps;
    }

    private static IEnumerable<string> Notes(ShardSet shards, MergeReport report)
    {
        foreach (var index in report.DuplicatedShards)
        {
            yield return $"shard {index} was given more than once ({string.Join(", ", shards.Shards.Where(s => s.Manifest.ShardIndex == index).Select(s => s.ManifestPath))}); rows are de-duplicated by data_index, the latest last_run_at wins";
        }

        if (report.DuplicateRows > 0)
        {
            yield return $"{report.DuplicateRows} row(s) appeared in more than one shard journal; the latest last_run_at of each data_index was kept";
        }

        foreach (var note in report.MisplacedRows.Take(5).Concat(report.MissingRows))
        {
            yield return note;
        }

        if (report.MisplacedRows.Count > 5)
        {
            yield return $"… and {report.MisplacedRows.Count - 5} more rows in a shard they do not belong to";
        }
    }

    /// <summary>The merged run's metadata: the shards' common settings, the span of their times, the sum of their requests.</summary>
    private static RunInfo RunOf(ShardSet shards, MergeReport report, string? publishedTable)
    {
        var manifests = shards.Shards.Select(s => s.Manifest).ToList();
        var first = manifests[0];
        var started = manifests.Select(m => m.StartedAt).Where(t => t is not null).Order(StringComparer.Ordinal).FirstOrDefault();
        var finished = manifests.Select(m => m.FinishedAt).Where(t => t is not null).Order(StringComparer.Ordinal).LastOrDefault();
        return new RunInfo
        {
            Model = Setting(first, "model"),
            Endpoint = Setting(first, "base-url") ?? (Setting(first, "engine") is { } engine && engine != "http" ? $"{engine}://{Setting(first, "profile") ?? Setting(first, "model-dir")}" : null),
            Dataset = first.Dataset,
            DatasetSha256 = first.DatasetSha256,
            Concurrency = manifests.Sum(m => m.Concurrency),
            HarnessVersion = HarnessVersion.Value,
            StartedAt = started,
            FinishedAt = finished,
            DurationMs = Span(started, finished),
            RequestsSent = manifests.Sum(m => m.RequestsSent),
            SkippedLines = manifests.Max(m => m.SkippedLines),
            PublishedTable = publishedTable,
            DatasetRequests = manifests.All(m => m.Assigned is not null) ? manifests.GroupBy(m => m.ShardIndex).Sum(g => g.First().Assigned) : null,
            Complete = report.IsComplete,
        };
    }

    private static string? Setting(ShardManifest manifest, string name) =>
        manifest.Settings.TryGetValue(name, out var json) && System.Text.Json.JsonElement.Parse(json) is { ValueKind: System.Text.Json.JsonValueKind.String } value ? value.GetString() : null;

    private static long? Span(string? started, string? finished) =>
        DateTime.TryParse(started, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var from)
        && DateTime.TryParse(finished, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var to)
            ? (long)(to - from).TotalMilliseconds
            : null;
}
