namespace K2Verifier.Suites.Probing;

/// <summary>The status words of probe rows.</summary>
public static class ProbeStatus
{
    /// <summary>The answer is the expected one.</summary>
    public const string Pass = "pass";

    /// <summary>The answer is not the expected one.</summary>
    public const string Fail = "fail";

    /// <summary>No usable answer: a timeout, a connection error, a 5xx, an unreadable body.</summary>
    public const string Error = "error";

    /// <summary>Schema suite: the forced call's arguments validate.</summary>
    public const string Valid = "valid";

    /// <summary>Schema suite: the forced call's arguments break the schema (the row names the path).</summary>
    public const string Invalid = "invalid";

    /// <summary>Schema suite: no call to the forced tool.</summary>
    public const string NoCall = "no_call";

    /// <summary>Schema suite: the deployment refused the schema with a 4xx (a capability gap, not a schema error).</summary>
    public const string Rejected = "rejected";
}
