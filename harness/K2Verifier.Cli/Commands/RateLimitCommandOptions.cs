using System.CommandLine;
using K2Verifier.Backends;

namespace K2Verifier.Cli.Commands;

/// <summary><c>run</c>'s rate-limit options: the 429 wait budget and the client-side quotas (--concurrency is the adaptive ceiling).</summary>
internal sealed class RateLimitCommandOptions
{
    public Option<int?> MaxWait { get; } = new("--max-wait") { Description = "Seconds one request may stay rate-limited (429s, retried without a count cap) before its row fails as rate_limited (default: --timeout)." };

    public Option<double?> RateLimit { get; } = new("--rate-limit") { Description = "Client-side limit in requests per second (default: none)." };

    public Option<int?> TokensPerMinute { get; } = new("--tokens-per-minute") { Description = "Client-side limit in tokens per minute, estimated from the body until usage arrives (default: none)." };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxWait);
        command.Options.Add(RateLimit);
        command.Options.Add(TokensPerMinute);
    }

    /// <summary>The backend's rate-limit options; <paramref name="concurrency"/> becomes the adaptive ceiling.</summary>
    public RateLimitOptions Bind(ParseResult parseResult, int concurrency) => new()
    {
        MaxWait = parseResult.GetValue(MaxWait) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        ConcurrencyCeiling = concurrency,
        RequestsPerSecond = parseResult.GetValue(RateLimit),
        TokensPerMinute = parseResult.GetValue(TokensPerMinute),
    };
}
