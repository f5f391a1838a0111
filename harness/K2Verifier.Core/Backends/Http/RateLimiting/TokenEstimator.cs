using System.Globalization;

namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// Tokens a request will cost, for <c>--tokens-per-minute</c>: a quarter of its body's UTF-8 bytes until a reply
/// reports <c>usage.total_tokens</c>, then the mean of the usages seen. Thread-safe.
/// </summary>
internal sealed class TokenEstimator
{
    private long _usageTotal;
    private long _usageCount;

    public int Estimate(int bodyBytes)
    {
        long count = Interlocked.Read(ref _usageCount);
        return count == 0 ? Math.Max(1, bodyBytes / 4) : (int)Math.Max(1, Interlocked.Read(ref _usageTotal) / count);
    }

    /// <summary>Learns from a reply body (JSON or SSE text): its last <c>"total_tokens"</c> value, when there is one.</summary>
    public void Observe(string? body)
    {
        if (TotalTokens(body) is { } tokens)
        {
            Interlocked.Add(ref _usageTotal, tokens);
            Interlocked.Increment(ref _usageCount);
        }
    }

    internal static long? TotalTokens(string? body)
    {
        const string Key = "\"total_tokens\"";
        int at = body?.LastIndexOf(Key, StringComparison.Ordinal) ?? -1;
        if (at < 0)
        {
            return null;
        }

        ReadOnlySpan<char> rest = body.AsSpan(at + Key.Length).TrimStart(" \t\r\n:");
        int digits = 0;
        while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        return long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out long tokens) && tokens > 0 ? tokens : null;
    }
}
