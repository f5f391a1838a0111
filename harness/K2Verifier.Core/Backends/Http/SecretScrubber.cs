namespace K2Verifier.Backends.Http;

/// <summary>Removes the API key from any text that may be recorded or shown (messages, warnings, error bodies).</summary>
internal sealed class SecretScrubber
{
    public const string Mask = "[REDACTED]";

    private readonly string? _secret;

    public SecretScrubber(string? secret) => _secret = string.IsNullOrEmpty(secret) ? null : secret;

    public string Scrub(string text) => _secret is null || string.IsNullOrEmpty(text) ? text : text.Replace(_secret, Mask, StringComparison.Ordinal);

    public string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);
}
