using K2Verifier.Dataset;
using K2Verifier.Results;

namespace K2Verifier.Running;

/// <summary>Hears what a run does, for the console (live progress, or plain lines when redirected).</summary>
public interface IRunObserver
{
    /// <summary>A dataset line was unusable and skipped.</summary>
    void DatasetLineSkipped(DatasetRecord record);

    /// <summary>Sending starts; <paramref name="datasetLines"/> is the dataset's non-blank line count (the first progress total).</summary>
    void Started(int datasetLines);

    /// <summary>A row was written to the journal.</summary>
    void CaseFinished(CaseResult result, RunProgress progress);

    /// <summary>No request has completed for <paramref name="quietFor"/> while <see cref="RunProgress.InFlight"/> are in flight (a stalled server?).</summary>
    void Quiet(RunProgress progress, TimeSpan quietFor)
    {
    }
}
