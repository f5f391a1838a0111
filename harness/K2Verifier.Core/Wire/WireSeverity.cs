namespace K2Verifier.Wire;

/// <summary>
/// How bad a wire finding is: <see cref="Error"/> breaks clients (the OpenAI SDKs or an agent loop fail or do the wrong
/// thing), <see cref="Warn"/> is non-standard but tolerated by the OpenAI SDKs, <see cref="Info"/> is worth knowing.
/// </summary>
public static class WireSeverity
{
    /// <summary>Breaks clients.</summary>
    public const string Error = "error";

    /// <summary>Non-standard but tolerated by the OpenAI SDKs.</summary>
    public const string Warn = "warn";

    /// <summary>Worth knowing; no client breaks.</summary>
    public const string Info = "info";
}
