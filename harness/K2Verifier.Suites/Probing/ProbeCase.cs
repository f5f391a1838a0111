using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Probing;

/// <summary>
/// One probe attempt of a suite: the request body to send, how it is sent, what class of answer is expected and why.
/// </summary>
public sealed record ProbeCase
{
    /// <summary>The probe's name in its table (e.g. <c>temperature-above-2</c>); attempts of one probe share it.</summary>
    public required string Probe { get; init; }

    /// <summary>The whole request body (model included); <c>stream</c> and <c>stream_options</c> are set from <see cref="Stream"/> on send.</summary>
    public required JsonObject Body { get; init; }

    /// <summary>True for the streamed mode. Default: false.</summary>
    public bool Stream { get; init; }

    /// <summary>The expected class of answer, as printed in reports (e.g. <c>4xx</c>, <c>200</c>, <c>call:get_weather</c>).</summary>
    public required string Expected { get; init; }

    /// <summary>Why the probe expects that answer (the API reference or KVV rule it comes from).</summary>
    public string Rationale { get; init; } = string.Empty;

    /// <summary>False for informational probes: their failure does not fail the suite. Default: true.</summary>
    public bool Required { get; init; } = true;

    /// <summary>1-based attempt number when a probe is rerun (schema suite). Default: 1.</summary>
    public int Rerun { get; init; } = 1;

    /// <summary>Tags used for the summary (schema features; the tokens suite's stratum). Default: none.</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>Suite-specific data the judge needs (the forced tool's schema, the locally counted prompt tokens).</summary>
    public object? Context { get; init; }

    /// <summary><c>stream</c> or <c>non-stream</c>.</summary>
    public string Mode => Stream ? "stream" : "non-stream";

    /// <summary>The attempt's identity in the journal: probe, mode and rerun (what <c>--incremental</c> matches).</summary>
    public string Key => $"{Probe}|{Mode}|{Rerun}";
}
