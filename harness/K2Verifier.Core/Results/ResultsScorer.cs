using System.Text.Json;
using K2Verifier.Baselines;
using K2Verifier.Metrics;
using K2Verifier.Preparation;
using K2Verifier.Validation.CrossCheck;

namespace K2Verifier.Results;

/// <summary>
/// The one reader of a results file (ours or K2VV's): one pass over its lines, each row parsed once and judged once
/// with the current validator (unless <see cref="JournalReadOptions.JudgedAt"/> knows it already), the latest row of a
/// data_index chosen by <see cref="LatestRun"/>. The only way a summary is made: <c>run</c> calls it on its own
/// journal at the end, <c>score</c>, <c>compare</c> and <c>report</c> on any file, and hand the result to every exporter.
/// </summary>
public sealed class ResultsScorer
{
    private readonly CaseEvaluator _evaluator;

    public ResultsScorer(CaseEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        _evaluator = evaluator;
    }

    /// <summary>Scores <paramref name="resultsPath"/>; <paramref name="problems"/> receives each unreadable line.</summary>
    public RunSummary Score(string resultsPath, RunInfo run, Action<string>? problems = null, Baseline? baseline = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Read(resultsPath, problems).Summarize(run, baseline);
    }

    /// <summary>Reads and judges every readable row of <paramref name="resultsPath"/> in one pass, gathering what <paramref name="options"/> asks for.</summary>
    public ScoredJournal Read(string resultsPath, Action<string>? problems = null, JournalReadOptions? options = null)
    {
        options ??= new JournalReadOptions();
        var entries = new List<Entry>();
        var unreadable = 0;
        string? model = null;
        foreach (var line in JsonlScanner.Lines(resultsPath, transient: true))
        {
            if (line.IsBlank)
            {
                continue;
            }

            try
            {
                var entry = Known(line, options, ref model) ?? Judge(line, options, ref model);
                entries.Add(entry);
            }
            catch (JsonException ex)
            {
                unreadable++;
                problems?.Invoke($"{resultsPath}:{line.Number}: {ex.Message}");
            }
        }

        var latest = LatestRun.Of(entries, e => e.Outcome.DataIndex, e => e.Outcome.LastRunAt);
        return new ScoredJournal([.. entries.Select(e => e.Outcome)], unreadable, model)
        {
            Latest = [.. latest.Select(e => e.Outcome)],
            Rows = latest.Where(e => e.Row is not null).ToDictionary(e => e.Outcome.DataIndex, e => e.Row!),
            Spans = [.. latest.Select(e => e.Span)],
            SensitiveCalls = options.CrossCheck is null ? null : [.. latest.SelectMany(e => e.Sensitive)],
        };
    }

    /// <summary>A row judged already (<see cref="JournalReadOptions.JudgedAt"/>): parsed only when its whole row is kept (or names the model).</summary>
    private static Entry? Known(JsonlLine line, JournalReadOptions options, ref string? model)
    {
        if (options.JudgedAt is not { } judged || options.CrossCheck is not null || judged(line.Offset) is not { } outcome)
        {
            return null;
        }

        var keep = options.KeepRow?.Invoke(outcome) == true;
        if (!keep && model is not null)
        {
            return new Entry(outcome, Span(line), null, []);
        }

        using var document = JsonDocument.Parse(line.Bytes, Json.JsonText.DeepDocument);
        model ??= RequestPreparer.ReadModel(document.RootElement.GetProperty("request"));
        return new Entry(outcome, Span(line), keep ? CaseResultReader.FromElement(document.RootElement) : null, []);
    }

    private Entry Judge(JsonlLine line, JournalReadOptions options, ref string? model)
    {
        using var document = JsonDocument.Parse(line.Bytes, Json.JsonText.DeepDocument);
        var root = document.RootElement;
        var outcome = _evaluator.Rescore(root);
        model ??= RequestPreparer.ReadModel(root.GetProperty("request"));
        var row = options.KeepRow?.Invoke(outcome) == true ? CaseResultReader.FromElement(root) : null;
        var sensitive = options.CrossCheck?.CheckRow(outcome.DataIndex, root) ?? [];
        return new Entry(outcome, Span(line), row, sensitive);
    }

    private static JournalSpan Span(JsonlLine line) => new(line.Offset, line.Bytes.Length);

    private sealed record Entry(CaseOutcome Outcome, JournalSpan Span, CaseResult? Row, IReadOnlyList<ValidatorSensitiveCall> Sensitive);
}
