using K2Verifier.Gates;
using K2Verifier.Metrics;
using K2Verifier.Published;
using K2Verifier.Results;

namespace K2Verifier.Reports.Model;

/// <summary>
/// Builds the <see cref="ReportModel"/> from results journals: each file is read and judged once
/// (<see cref="ResultsScorer"/>, keeping the whole text of its problem rows) exactly as <c>score</c> does, unless the
/// command hands in the journal it read already (<see cref="ReportInput.Journal"/>). Nothing is re-run or read twice.
/// </summary>
public sealed partial class ReportModelBuilder
{
    private readonly ResultsScorer _scorer;

    public ReportModelBuilder(ResultsScorer scorer)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        _scorer = scorer;
    }

    /// <summary>
    /// The rows whose whole text the report shows (failed, invalid, differing from <paramref name="baseline"/>, wire
    /// errors): a command that reads a journal for a report keeps these (<see cref="JournalReadOptions.KeepRow"/>).
    /// </summary>
    public static Func<CaseOutcome, bool> ProblemRows(Baselines.Baseline? baseline) => outcome => Facts(outcome, baseline).IsProblem;

    /// <summary>The report over <paramref name="inputs"/> (in order); unreadable lines and files go to <paramref name="problems"/>.</summary>
    public ReportModel Build(IReadOnlyList<ReportInput> inputs, ReportOptions options, Action<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        if (inputs.Count == 0)
        {
            throw new ArgumentException("a report needs at least one results file", nameof(inputs));
        }

        var allowance = new DetailAllowance(options.MaxDetailRows / inputs.Count, options.MaxDetailBudgetChars / inputs.Count, options.MaxDetailChars);
        var runs = inputs.Select(input => BuildRun(input, options, allowance, problems)).ToList();
        runs = [.. runs.Zip(UniqueLabels(inputs, runs), (run, label) => run with { Label = label })];
        var table = runs.Select(r => r.Summary.Published?.Table).FirstOrDefault(t => t is not null);
        return new ReportModel
        {
            Title = options.Title,
            Runs = runs,
            PublishedTable = table,
            PublishedVendors = [.. PublishedTables.All.Where(v => v.Table == table)],
            History = options.HistoryDirectory is { } directory ? History(directory, runs, problems) : [],
            BaselinePath = options.Baseline?.Path,
            AggregateGates = options.AggregateGates,
        };
    }

    private ReportRun BuildRun(ReportInput input, ReportOptions options, DetailAllowance allowance, Action<string>? problems)
    {
        var journal = input.Journal ?? _scorer.Read(input.ResultsPath, problems, new JournalReadOptions { KeepRow = ProblemRows(options.Baseline) });
        var info = input.Run ?? new RunInfo();
        var summary = journal.Summarize(info with { PublishedTable = options.PublishedTable ?? info.PublishedTable }, options.Baseline) with { Suites = input.Suites };
        var rows = journal.Latest.Select(o => Facts(o, options.Baseline)).ToList();
        rows = WithDetails(journal.Rows, rows, allowance);
        return new ReportRun
        {
            Label = input.Label ?? string.Empty,
            Source = input.ResultsPath,
            Summary = summary,
            Rows = rows,
            Gates = options.Gates.Count == 0 ? [] : SummaryGates.Evaluate(options.Gates, summary),
        };
    }

    /// <summary>--label when given, else the model, else the file name; a name shared by several runs gets the file name added.</summary>
    private static List<string> UniqueLabels(IReadOnlyList<ReportInput> inputs, List<ReportRun> runs)
    {
        var labels = inputs.Select((input, i) => input.Label ?? runs[i].Summary.Model ?? Path.GetFileName(input.ResultsPath)).ToList();
        var shared = labels.GroupBy(l => l, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            if (inputs[i].Label is null && shared.Contains(labels[i]))
            {
                labels[i] = $"{labels[i]} ({Path.GetFileName(inputs[i].ResultsPath)})";
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var unique = new List<string>();
        foreach (var label in labels)
        {
            seen[label] = seen.GetValueOrDefault(label) + 1;
            unique.Add(seen[label] == 1 ? label : $"{label} #{seen[label]}");
        }

        return unique;
    }

    private static IReadOnlyList<HistoryPoint> History(string directory, List<ReportRun> runs, Action<string>? problems)
    {
        // A summary of a run this report shows (tonight's, written into the history folder by the nightly job) is
        // that run: the report's point replaces it, so a night is never counted twice.
        var points = HistoryReader.Read(directory, problems).ToList();
        foreach (var run in runs)
        {
            var point = HistoryReader.Point(run.Summary, run.Label) with { Results = Path.GetFullPath(run.Source) };
            points.RemoveAll(p => (p.Results is not null && string.Equals(p.Results, point.Results, StringComparison.Ordinal))
                || (p.StartedAt is not null && p.StartedAt == point.StartedAt && p.Model == point.Model));
            points.Add(point);
        }

        return HistoryReader.Sort(points);
    }
}
