using System.Text.Json;
using K2Verifier.Baselines;
using K2Verifier.Metrics;
using K2Verifier.Preparation;

namespace K2Verifier.Results;

/// <summary>
/// Recomputes a summary from a results file (ours or K2VV's), re-judging every tool call with the current validator.
/// The only way a summary is made: <c>run</c> calls it on its own journal at the end, <c>score</c> on any file.
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

    /// <summary>Re-judges every readable row of <paramref name="resultsPath"/>.</summary>
    public ScoredJournal Read(string resultsPath, Action<string>? problems = null) => Read(resultsPath, new Dictionary<int, CaseOutcome>(), problems);

    /// <summary>
    /// Scores a journal just compacted into <paramref name="rows"/> (<see cref="ResultsFile.CompactRows"/>): when every
    /// row is one this run wrote (<see cref="Read(string, IReadOnlyDictionary{int, CaseOutcome}, Action{string})"/>) the
    /// outcomes are taken in that order and only the first row is read back (for the model it names); otherwise as that.
    /// </summary>
    public ScoredJournal Read(string resultsPath, IReadOnlyDictionary<int, CaseOutcome> written, IReadOnlyList<RowHeader> rows)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(rows);
        var outcomes = new List<CaseOutcome>(rows.Count);
        foreach (var row in rows)
        {
            if (!written.TryGetValue(row.DataIndex, out var known) || known.LastRunAt != (row.LastRunAt ?? string.Empty))
            {
                return Read(resultsPath, written);
            }

            outcomes.Add(known);
        }

        foreach (var line in JsonlScanner.Lines(resultsPath).Where(l => !l.IsBlank).Take(1))
        {
            using var document = JsonDocument.Parse(line.Bytes, Json.JsonText.DeepDocument);
            var model = RequestPreparer.ReadModel(document.RootElement.GetProperty("request"));
            return model is null && rows.Count > 1 ? Read(resultsPath, written) : new ScoredJournal(outcomes, 0, model);
        }

        return new ScoredJournal(outcomes, 0, null);
    }

    /// <summary>
    /// Scores every readable row of <paramref name="resultsPath"/>, taking a row's outcome from <paramref name="written"/>
    /// when that row is the one this run wrote (same data_index and last_run_at; see <see cref="CaseEvaluator.OutcomeOf"/>)
    /// and re-judging the others (rows kept from an earlier run). The rows, their order and the file stay the only source.
    /// </summary>
    public ScoredJournal Read(string resultsPath, IReadOnlyDictionary<int, CaseOutcome> written, Action<string>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(written);
        var outcomes = new List<CaseOutcome>();
        var unreadable = 0;
        string? model = null;
        foreach (var line in JsonlScanner.Lines(resultsPath))
        {
            if (line.IsBlank)
            {
                continue;
            }

            if (model is not null && written.Count > 0 && RowHeader.TryRead(line.Bytes.Span, out var header)
                && written.TryGetValue(header.DataIndex, out var known) && known.LastRunAt == header.LastRunAt)
            {
                outcomes.Add(known);
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line.Bytes, Json.JsonText.DeepDocument);
                outcomes.Add(_evaluator.Rescore(document.RootElement));
                model ??= RequestPreparer.ReadModel(document.RootElement.GetProperty("request"));
            }
            catch (JsonException ex)
            {
                unreadable++;
                problems?.Invoke($"{resultsPath}:{line.Number}: {ex.Message}");
            }
        }

        return new ScoredJournal(outcomes, unreadable, model);
    }
}
