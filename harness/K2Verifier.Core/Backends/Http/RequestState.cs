using System.Globalization;
using System.Text;
using K2Verifier.Json;
using Polly;

namespace K2Verifier.Backends.Http;

/// <summary>
/// The state of one <see cref="HttpChatBackend.SendAsync"/> call across its attempts: the two retry budgets (429s are
/// bounded by the time since the first one, <c>--max-wait</c>, and by an optional count), the attempt count, the body
/// read so far (so a timed-out attempt still leaves its partial body) and retry notes (the first few, then a count).
/// Attempts of one request run one after another, so no locking is needed.
/// </summary>
internal sealed class RequestState
{
    public static readonly ResiliencePropertyKey<RequestState> Key = new("K2Verifier.HttpRequestState");

    /// <summary>Retry notes kept per request; a request retried for minutes of 429s notes the rest as a count.</summary>
    internal const int MaxNotes = 8;

    private readonly RetryOptions _retry;
    private readonly TimeSpan _maxWait;
    private readonly TimeProvider _time;
    private readonly List<string> _notes = [];
    private int _transientRetries;
    private int _rateLimitRetries;
    private int _unlistedRetries;
    private long? _firstRateLimit;
    private PooledBuffer<byte>? _body;

    public RequestState(RetryOptions retry, TimeSpan maxWait, TimeProvider time)
    {
        _retry = retry;
        _maxWait = maxWait;
        _time = time;
    }

    public int Attempts { get; private set; }

    /// <summary>
    /// The body of the current attempt as read so far (a stream's bytes, UTF-8), in a pooled buffer: a request holds it
    /// for as long as its stream lasts, and a growing string builder per request was garbage the collector had to promote.
    /// Returned to the pool by <see cref="ReleaseBody"/> (the backend does it when the request ends).
    /// </summary>
    public PooledBuffer<byte> CurrentBody => _body ??= new PooledBuffer<byte>(1024);

    /// <summary>The body read so far as text (each bad UTF-8 sequence a U+FFFD); empty when nothing was read.</summary>
    public string CurrentBodyText => _body is { Length: > 0 } body ? Encoding.UTF8.GetString(body.WrittenSpan) : string.Empty;

    /// <summary>The body read so far as text; null when nothing was read.</summary>
    public string? PartialBody => _body is { Length: > 0 } ? CurrentBodyText : null;

    public IReadOnlyList<string> Notes => _unlistedRetries == 0
        ? _notes
        : [.. _notes, string.Create(CultureInfo.InvariantCulture, $"… and {_unlistedRetries} more retries not listed")];

    /// <summary>Time since this request's first 429 (zero before one).</summary>
    public TimeSpan RateLimitedFor => _firstRateLimit is { } first ? _time.GetElapsedTime(first) : TimeSpan.Zero;

    public static RequestState From(ResilienceContext context) => context.Properties.GetValue(Key, null!)
        ?? throw new InvalidOperationException("The resilience context carries no request state.");

    public void BeginAttempt()
    {
        Attempts++;
        ReleaseBody();
    }

    /// <summary>Gives the body's buffer back to the pool (text taken from it before stays valid).</summary>
    public void ReleaseBody()
    {
        _body?.Dispose();
        _body = null;
    }

    /// <summary>Spends one retry of the budget <paramref name="fault"/> belongs to; false when it is spent (or the fault is final).</summary>
    /// <param name="fault">How the last attempt failed.</param>
    /// <param name="pendingPause">The endpoint's cool-down still to wait before the next attempt could be sent.</param>
    public bool TryConsumeRetry(AttemptFault fault, TimeSpan pendingPause)
    {
        if (fault == AttemptFault.RateLimited)
        {
            _firstRateLimit ??= _time.GetTimestamp();
        }

        switch (fault)
        {
            case AttemptFault.RateLimited when (_retry.RateLimitRetries is not { } cap || _rateLimitRetries < cap) && RateLimitedFor + pendingPause < _maxWait:
                _rateLimitRetries++;
                return true;
            case AttemptFault.Transient when _transientRetries < _retry.Retries:
                _transientRetries++;
                return true;
            default:
                return false;
        }
    }

    public void NoteRetry(int attemptNumber, string what, TimeSpan delay)
    {
        if (_notes.Count >= MaxNotes)
        {
            _unlistedRetries++;
            return;
        }

        _notes.Add(string.Create(CultureInfo.InvariantCulture, $"attempt {attemptNumber + 1} failed ({what}); retried after {delay.TotalMilliseconds:0} ms"));
    }

    /// <summary>The final 429's message with how long the request was rate-limited and what bound it.</summary>
    public string DescribeRateLimit(string lastFailure)
    {
        string bound = _retry.RateLimitRetries is { } cap && _rateLimitRetries >= cap
            ? $"the rate-limit retry cap of {cap}"
            : $"the wait limit of {_maxWait.TotalSeconds:0.###} s (--max-wait)";
        return string.Create(CultureInfo.InvariantCulture,
            $"rate limited: {lastFailure}; waited {RateLimitedFor.TotalSeconds:0.###} s over {Attempts} attempts, then {bound} ran out");
    }
}
