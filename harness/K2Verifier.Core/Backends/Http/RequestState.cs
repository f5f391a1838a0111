using System.Globalization;
using System.Text;
using Polly;

namespace K2Verifier.Backends.Http;

/// <summary>
/// The state of one <see cref="HttpChatBackend.SendAsync"/> call across its attempts: the two retry budgets, the
/// attempt count, the body read so far (so a timed-out attempt still leaves its partial body) and retry notes.
/// Attempts of one request run one after another, so no locking is needed.
/// </summary>
internal sealed class RequestState
{
    public static readonly ResiliencePropertyKey<RequestState> Key = new("K2Verifier.HttpRequestState");

    private readonly RetryOptions _retry;
    private readonly List<string> _notes = [];
    private int _transientRetries;
    private int _rateLimitRetries;

    public RequestState(RetryOptions retry) => _retry = retry;

    public int Attempts { get; private set; }

    /// <summary>The body of the current attempt as read so far.</summary>
    public StringBuilder CurrentBody { get; private set; } = new();

    public IReadOnlyList<string> Notes => _notes;

    public static RequestState From(ResilienceContext context) => context.Properties.GetValue(Key, null!)
        ?? throw new InvalidOperationException("The resilience context carries no request state.");

    public void BeginAttempt()
    {
        Attempts++;
        CurrentBody = new StringBuilder();
    }

    /// <summary>Spends one retry of the budget <paramref name="fault"/> belongs to; false when it is spent (or the fault is final).</summary>
    public bool TryConsumeRetry(AttemptFault fault)
    {
        switch (fault)
        {
            case AttemptFault.RateLimited when _rateLimitRetries < _retry.RateLimitRetries:
                _rateLimitRetries++;
                return true;
            case AttemptFault.Transient when _transientRetries < _retry.Retries:
                _transientRetries++;
                return true;
            default:
                return false;
        }
    }

    public void NoteRetry(int attemptNumber, string what, TimeSpan delay) => _notes.Add(string.Create(
        CultureInfo.InvariantCulture, $"attempt {attemptNumber + 1} failed ({what}); retried after {delay.TotalMilliseconds:0} ms"));
}
