namespace K2Verifier.Datasets.Lint;

/// <summary>What <see cref="DatasetLinter"/> counted and found in one file. Filled by the linter, read-only outside it.</summary>
public sealed class LintReport
{
    private readonly List<LintIssue> _issues = [];
    private readonly SortedDictionary<string, int> _roles = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _toolChoices = new(StringComparer.Ordinal);

    internal LintReport(string path) => Path = path;

    /// <summary>The file that was checked.</summary>
    public string Path { get; }

    /// <summary>Non-blank lines (each one a request, usable or not).</summary>
    public int Requests { get; internal set; }

    /// <summary>Blank lines (skipped, as K2VV does).</summary>
    public int BlankLines { get; internal set; }

    /// <summary>Requests with a non-empty <c>tools</c> array.</summary>
    public int WithTools { get; internal set; }

    /// <summary>Tool declarations over all requests.</summary>
    public int ToolDeclarations { get; internal set; }

    /// <summary>Requests with <c>"stream": true</c>.</summary>
    public int Streams { get; internal set; }

    /// <summary>Messages over all requests.</summary>
    public int Messages { get; internal set; }

    /// <summary>Messages whose content is a list of parts.</summary>
    public int ListContentMessages { get; internal set; }

    /// <summary>Messages whose content is the empty string.</summary>
    public int EmptyContentMessages { get; internal set; }

    /// <summary>Assistant messages carrying <c>reasoning_content</c>.</summary>
    public int ReasoningMessages { get; internal set; }

    /// <summary>Historical tool calls (in assistant messages).</summary>
    public int ToolCalls { get; internal set; }

    /// <summary>Historical tool-call ids in the official form <c>functions.NAME:IDX</c>.</summary>
    public int CanonicalIds { get; internal set; }

    /// <summary>Historical tool-call ids in any other form (e.g. <c>search:0</c>).</summary>
    public int OtherIds => ToolCalls - CanonicalIds;

    /// <summary>Messages with role <c>tool</c>.</summary>
    public int ToolAnswers { get; internal set; }

    /// <summary>Messages per role, by name.</summary>
    public IReadOnlyDictionary<string, int> Roles => _roles;

    /// <summary>Requests per <c>tool_choice</c> (<c>absent</c>, <c>auto</c>, <c>none</c>, <c>required</c>, <c>function</c>).</summary>
    public IReadOnlyDictionary<string, int> ToolChoices => _toolChoices;

    /// <summary>Every finding, in file order.</summary>
    public IReadOnlyList<LintIssue> Issues => _issues;

    /// <summary>Findings of severity error.</summary>
    public int ErrorCount => _issues.Count(i => i.Severity == LintSeverity.Error);

    /// <summary>Findings of severity warning.</summary>
    public int WarningCount => _issues.Count(i => i.Severity == LintSeverity.Warning);

    internal void Add(LintIssue issue) => _issues.Add(issue);

    internal void CountRole(string role) => Increment(_roles, role);

    internal void CountToolChoice(string choice) => Increment(_toolChoices, choice);

    private static void Increment(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
