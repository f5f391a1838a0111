namespace K2Verifier.Suites.Probing;

/// <summary>How a suite is run.</summary>
public sealed record SuiteRunOptions
{
    /// <summary>The folder of <c>suite-NAME.jsonl</c>, <c>suite-NAME.json</c> and <c>suite-NAME.junit.xml</c>.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Attempts in flight at once. Default: 5 (as <c>run</c>).</summary>
    public int Concurrency { get; init; } = 5;

    /// <summary>Keep the finished attempts (any status but <c>error</c>) of an existing journal and send only the rest. Default: false.</summary>
    public bool Incremental { get; init; }

    /// <summary>The endpoint as shown in the summary (no credentials).</summary>
    public string? Endpoint { get; init; }

    /// <summary>The model name sent.</summary>
    public string? Model { get; init; }

    /// <summary><c>suite-NAME.jsonl</c> in <see cref="OutputDirectory"/>.</summary>
    public string JournalPath(string suite) => Path.Combine(OutputDirectory, $"suite-{suite}.jsonl");

    /// <summary><c>suite-NAME.json</c> in <see cref="OutputDirectory"/>.</summary>
    public string SummaryPath(string suite) => Path.Combine(OutputDirectory, $"suite-{suite}.json");

    /// <summary><c>suite-NAME.junit.xml</c> in <see cref="OutputDirectory"/>.</summary>
    public string JUnitPath(string suite) => Path.Combine(OutputDirectory, $"suite-{suite}.junit.xml");
}
