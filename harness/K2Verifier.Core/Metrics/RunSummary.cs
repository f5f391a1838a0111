namespace K2Verifier.Metrics;

/// <summary>
/// The summary of one results file: K2VV's keys first (<c>model … eval_duration_ms</c>), then ours. Immutable; written
/// to summary.json by <see cref="RunSummaryWriter"/>.
/// </summary>
public sealed record RunSummary
{
    public string? Model { get; init; }

    public int SuccessCount { get; init; }

    public int FailureCount { get; init; }

    public int FinishStop { get; init; }

    public int FinishToolCalls { get; init; }

    public int FinishOthers { get; init; }

    public IReadOnlyDictionary<string, int> FinishOthersDetail { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    public int SchemaValidationErrorCount { get; init; }

    public int SuccessfulToolCallCount { get; init; }

    public UsageTotals Usage { get; init; } = new(0, 0, 0);

    public string? EvalStartedAt { get; init; }

    public string? EvalFinishedAt { get; init; }

    public long? EvalDurationMs { get; init; }

    /// <summary><c>successful_tool_call_count / finish_tool_calls</c>; null when nothing finished with tool_calls.</summary>
    public double? SchemaAccuracy { get; init; }

    /// <summary>Trigger counts against the baseline (null without one): both tool_calls.</summary>
    public int? Tp { get; init; }

    /// <summary>Ours tool_calls, baseline not.</summary>
    public int? Fp { get; init; }

    /// <summary>Baseline tool_calls, ours not.</summary>
    public int? Fn { get; init; }

    /// <summary>Neither tool_calls.</summary>
    public int? Tn { get; init; }

    /// <summary>TP / (TP + FP); null without a baseline or when undefined (see <see cref="UndefinedMetrics"/>).</summary>
    public double? ToolCallPrecision { get; init; }

    /// <summary>TP / (TP + FN); null without a baseline or when undefined.</summary>
    public double? ToolCallRecall { get; init; }

    /// <summary>K2VV's primary deployment metric; null without a baseline or when undefined.</summary>
    public double? ToolCallF1 { get; init; }

    /// <summary>95% intervals: bootstrap (seeded) for tool_call_f1, Wilson for the proportions.</summary>
    public IReadOnlyDictionary<string, Interval?> Intervals { get; init; } = new SortedDictionary<string, Interval?>(StringComparer.Ordinal);

    /// <summary>Metrics that are null because they are undefined here (e.g. precision when nothing finished with tool_calls).</summary>
    public IReadOnlyList<string> UndefinedMetrics { get; init; } = [];

    /// <summary>Invalid tool calls by category (counted per call).</summary>
    public IReadOnlyDictionary<string, int> ErrorCategories { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Failed requests by category (timeout, http_status, …).</summary>
    public IReadOnlyDictionary<string, int> FailureCategories { get; init; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

    /// <summary>duration_ms distribution over all rows.</summary>
    public LatencyStats? LatencyMs { get; init; }

    /// <summary>ttft_ms distribution over streamed rows.</summary>
    public LatencyStats? TtftMs { get; init; }

    /// <summary>Requests sent per second of wall time; null when unknown (score of an old file).</summary>
    public double? RequestsPerSecond { get; init; }

    public int TotalRows { get; init; }

    public int SkippedLines { get; init; }

    /// <summary>Result lines that could not be read (e.g. cut short by a kill).</summary>
    public int UnreadableRows { get; init; }

    public long AttemptsTotal { get; init; }

    public int RetriedRequests { get; init; }

    /// <summary>What the in-process parse step changed (<c>parse</c>); null when no row was parsed in process.</summary>
    public ParseCounts? Parse { get; init; }

    /// <summary>How the run met the baseline (null without one).</summary>
    public BaselineJoin? Baseline { get; init; }

    /// <summary>Metrics per dataset category (empty when the baseline has no categories).</summary>
    public IReadOnlyDictionary<string, CategoryMetrics> Categories { get; init; } = new SortedDictionary<string, CategoryMetrics>(StringComparer.Ordinal);

    /// <summary>Where the run stands among K2VV's published providers (null when no table applies).</summary>
    public Published.PublishedStanding? Published { get; init; }

    /// <summary>Wire conformance findings counted by severity and code (docs/wire-conformance.md).</summary>
    public Wire.WireSummary Wire { get; init; } = K2Verifier.Wire.WireSummary.Empty;
    /// <summary>Tool calls whose verdict differs between the python and the spec validator (<c>score --cross-check</c>); null when not cross-checked.</summary>
    public int? ValidatorSensitiveCalls { get; init; }

    /// <summary>The validator-sensitive calls themselves (request, call, tool, reason class, each verdict); null when not cross-checked.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Validation.CrossCheck.ValidatorSensitiveCall>? ValidatorSensitive { get; init; }

    public RunInfo Run { get; init; } = new();

    /// <summary>The gates checked against this summary, each with its verdict (empty without <c>--gate</c>).</summary>
    public IReadOnlyList<Gates.GateRecord> Gates { get; init; } = [];

    /// <summary>The overall verdict (<see cref="K2Verifier.Gates.GateVerdicts"/>): pass, fail, cannot_evaluate or incomplete; null before gates were checked.</summary>
    public string? Verdict { get; init; }
    /// <summary>What <c>run --early-stop</c> decided (absent for runs without it).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public EarlyStop.EarlyStopReport? EarlyStop { get; init; }

    /// <summary>Probe-suite results embedded by <c>run --suite-results DIR</c>, by suite name (absent otherwise).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, SuiteRecord>? Suites { get; init; }
}
