using K2Verifier.Dataset;
using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Telemetry;

/// <summary>Records every finished row in <see cref="RunMetrics"/>, then tells the observer it wraps.</summary>
public sealed class MetricsRunObserver(IRunObserver inner, RunMetrics metrics) : IRunObserver
{
    /// <inheritdoc/>
    public void DatasetLineSkipped(DatasetRecord record) => inner.DatasetLineSkipped(record);

    /// <inheritdoc/>
    public void Started(int datasetLines) => inner.Started(datasetLines);

    /// <inheritdoc/>
    public void CaseFinished(CaseResult result, RunProgress progress)
    {
        metrics.Record(result);
        inner.CaseFinished(result, progress);
    }
}
