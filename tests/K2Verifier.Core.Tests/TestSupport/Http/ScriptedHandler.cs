using System.Threading.Channels;

namespace K2Verifier.Core.Tests.TestSupport.Http;

/// <summary>
/// An <see cref="HttpMessageHandler"/> that answers from a script instead of the network: the n-th request gets
/// <c>Replies[n-1]</c> (the last one repeats), or <see cref="Reply"/> when set. Every request is recorded and
/// announced on <see cref="Arrivals"/>, so a test can act (advance the clock, cancel) when the request is in flight.
/// At most <see cref="MaxCalls"/> are answered (a bound on runaway retry loops).
/// </summary>
public sealed class ScriptedHandler(params ScriptedReply[] replies) : HttpMessageHandler
{
    public const int MaxCalls = 10_000;

    private readonly Lock _lock = new();
    private readonly List<ScriptedCall> _calls = [];
    private readonly Channel<ScriptedCall> _arrivals = Channel.CreateUnbounded<ScriptedCall>();

    /// <summary>When set, answers every request instead of the replies list.</summary>
    public ScriptedReply? Reply { get; set; }

    /// <summary>The clock stamped on each call. Default: the system clock.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public IReadOnlyList<ScriptedCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public ChannelReader<ScriptedCall> Arrivals => _arrivals.Reader;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        ScriptedCall call;
        lock (_lock)
        {
            call = new ScriptedCall(_calls.Count + 1, body, request.RequestUri?.AbsolutePath ?? string.Empty, Clock.GetUtcNow(), cancellationToken);
            _calls.Add(call);
        }

        if (call.Number > MaxCalls)
        {
            throw new InvalidOperationException($"more than {MaxCalls} requests: a retry loop did not stop");
        }

        _arrivals.Writer.TryWrite(call);
        ScriptedReply reply = Reply ?? (replies.Length == 0 ? ScriptedReplies.Stop() : replies[Math.Min(call.Number, replies.Length) - 1]);
        return await reply(call, cancellationToken);
    }
}
