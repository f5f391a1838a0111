using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace K2Verifier.Backends.Http.RateLimiting;

/// <summary>
/// What a reply says about the endpoint's rate limit: how long to pause every send (<c>Retry-After</c> in seconds or
/// as an HTTP date, <c>retry-after-ms</c>, or OpenAI's <c>x-ratelimit-reset-requests</c>/<c>-tokens</c> such as
/// <c>1s</c>, <c>6m0s</c>, <c>20ms</c>), and whether it is an overload signal for the adaptive concurrency.
/// </summary>
internal static class RateLimitHeaders
{
    private const string RemainingRequests = "x-ratelimit-remaining-requests";
    private const string RemainingTokens = "x-ratelimit-remaining-tokens";
    private const string ResetRequests = "x-ratelimit-reset-requests";
    private const string ResetTokens = "x-ratelimit-reset-tokens";

    /// <summary>
    /// The endpoint-wide pause a reply asks for: on 429 (and 503) its <c>Retry-After</c>, else its reset headers; on
    /// any other reply the reset of a quota whose <c>x-ratelimit-remaining-*</c> is 0; otherwise none.
    /// </summary>
    public static TimeSpan? Pause(HttpResponseMessage response, DateTimeOffset now)
    {
        HttpStatusCode status = response.StatusCode;
        HttpResponseHeaders headers = response.Headers;
        if (status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        {
            TimeSpan? retryAfter = RetryAfterParser.Parse(First(headers, "Retry-After"), First(headers, "retry-after-ms"), now);
            if (retryAfter is not null || status == HttpStatusCode.ServiceUnavailable)
            {
                return retryAfter;
            }

            return Max(Reset(headers, ResetRequests), Reset(headers, ResetTokens));
        }

        return Max(Exhausted(headers, RemainingRequests) ? Reset(headers, ResetRequests) : null, Exhausted(headers, RemainingTokens) ? Reset(headers, ResetTokens) : null);
    }

    /// <summary>True for a 429, or a 503 that asks to come back later: the endpoint is alive but has no room.</summary>
    public static bool IsOverload(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.ServiceUnavailable && (response.Headers.Contains("Retry-After") || response.Headers.Contains("retry-after-ms")));

    /// <summary>Reads Go-style durations as OpenAI sends them: <c>1s</c>, <c>6m0s</c>, <c>1h2m3.5s</c>, <c>20ms</c>, or bare seconds.</summary>
    internal static TimeSpan? ParseDuration(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        string value = text.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double bare))
        {
            return bare >= 0 && double.IsFinite(bare) ? TimeSpan.FromSeconds(Math.Min(bare, 86_400)) : null;
        }

        double seconds = 0;
        int i = 0;
        while (i < value.Length)
        {
            int start = i;
            while (i < value.Length && (char.IsAsciiDigit(value[i]) || value[i] == '.'))
            {
                i++;
            }

            if (start == i || !double.TryParse(value.AsSpan(start, i - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double number))
            {
                return null;
            }

            int unitStart = i;
            while (i < value.Length && char.IsAsciiLetter(value[i]))
            {
                i++;
            }

            double? scale = value[unitStart..i] switch { "h" => 3600, "m" => 60, "s" => 1, "ms" => 0.001, "us" or "µs" => 1e-6, "ns" => 1e-9, _ => null };
            if (scale is null)
            {
                return null;
            }

            seconds += number * scale.Value;
        }

        return TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
    }

    private static bool Exhausted(HttpResponseHeaders headers, string remaining) =>
        long.TryParse(First(headers, remaining), NumberStyles.None, CultureInfo.InvariantCulture, out long left) && left == 0;

    private static TimeSpan? Reset(HttpResponseHeaders headers, string reset) => ParseDuration(First(headers, reset));

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;

    // The non-validated view: no parsing of values nobody asked for, and no enumerator for a header that is absent.
    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out HeaderStringValues values) && values.Count > 0 ? values.First() : null;
}
