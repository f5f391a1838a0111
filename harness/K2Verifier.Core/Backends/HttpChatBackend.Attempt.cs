using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using K2Verifier.Backends.Http;
using K2Verifier.Preparation;

namespace K2Verifier.Backends;

/// <summary>One attempt: send, read the body or stream, and classify what came back.</summary>
public sealed partial class HttpChatBackend
{
    private async ValueTask<AttemptResult> AttemptAsync(PreparedRequest request, RequestState state, CancellationToken cancellationToken)
    {
        state.BeginAttempt();
        long started = _timeProvider.GetTimestamp();
        bool buffered = !request.Stream;
        using IdleWatchdog? idle = IdleWatchdog.StartFor(request.Stream, _options, _timeProvider, cancellationToken);
        CancellationToken token = idle?.Token ?? cancellationToken;
        try
        {
            using HttpResponseMessage response = await _transport.SendAsync(request, token);
            if (!response.IsSuccessStatusCode)
            {
                return await ReadErrorAsync(response, buffered, token);
            }

            string? contentType = Header(response, "Content-Type");
            if (request.Stream && !IsJson(contentType))
            {
                return await ReadStreamAsync(response, request, state, started, idle, token);
            }

            return await ReadJsonAsync(response, buffered, request.Stream ? contentType : null, token);
        }
        catch (Exception exception) when (IsTransportFault(exception))
        {
            cancellationToken.ThrowIfCancellationRequested(); // the per-attempt timeout or the caller, not the wire
            if (idle is { Fired: true })
            {
                return Stalled(state);
            }

            (string label, string detail) = DescribeTransportFault(exception);
            return new AttemptResult
            {
                Failure = new BackendFailure(BackendFailureCategory.Connection, detail),
                Fault = AttemptFault.Transient,
                CountsAgainstEndpoint = true,
                FaultLabel = label,
            };
        }
    }

    /// <summary>No byte for the idle timeout: retryable, and a sign the endpoint is in trouble (the breaker counts it).</summary>
    private AttemptResult Stalled(RequestState state) => new()
    {
        Body = state.PartialBody,
        IsStream = true,
        Failure = new BackendFailure(BackendFailureCategory.Stalled, string.Create(CultureInfo.InvariantCulture,
            $"no byte received for the idle timeout of {_options.IdleTimeout.TotalSeconds:0.###} s (connection open, server silent)")),
        Fault = AttemptFault.Transient,
        CountsAgainstEndpoint = true,
        FaultLabel = "stalled",
    };

    /// <summary>
    /// The most characters of an error body kept (64 Ki): a vendor's error page can be megabytes, and a run of thousands
    /// of failing requests must not fill memory or the journal with them. Longer bodies end with a truncation note.
    /// </summary>
    internal const int MaxErrorBodyChars = 64 * 1024;

    /// <summary>Bodies announced up to this size (64 MiB) are read into an array of their length; larger ones as they come.</summary>
    private const long MaxPresizedBody = 64L << 20;

    private async Task<AttemptResult> ReadErrorAsync(HttpResponseMessage response, bool buffered, CancellationToken cancellationToken)
    {
        string body = _scrubber.Scrub(await ReadErrorTextAsync(response, buffered, cancellationToken));
        int status = (int)response.StatusCode;
        TimeSpan? retryAfter = RetryAfterParser.Parse(Header(response, "Retry-After"), Header(response, "retry-after-ms"), _timeProvider.GetUtcNow());
        string reason = string.IsNullOrEmpty(response.ReasonPhrase) ? string.Empty : " " + response.ReasonPhrase;
        return new AttemptResult
        {
            StatusCode = status,
            Body = body,
            Failure = new BackendFailure(FailureClassifier.Classify(status, body), string.Create(
                CultureInfo.InvariantCulture, $"HTTP {status}{reason}: {body}"), status),
            Fault = status == 429 ? AttemptFault.RateLimited : status is >= 500 or 408 ? AttemptFault.Transient : AttemptFault.Permanent,
            CountsAgainstEndpoint = status != 429, // a 4xx is no sign of life: a server that rejects everything measures nothing
            FaultLabel = string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"),
            RetryAfter = retryAfter,
        };
    }

    private static async Task<AttemptResult> ReadJsonAsync(HttpResponseMessage response, bool buffered, string? streamRequestedButGot, CancellationToken cancellationToken)
    {
        // A plain reply is checked on its bytes as received and decoded once; a JSON reply to a stream request is decoded
        // as a text reader does (a leading byte order mark dropped) and checked as that text.
        byte[] received = await ReadBodyAsync(response, cancellationToken);
        ReadOnlySpan<byte> text = !buffered && received.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? received.AsSpan(Encoding.UTF8.Preamble.Length) : received;
        string body = Encoding.UTF8.GetString(text);
        ReadOnlyMemory<byte> utf8 = buffered ? received : Encoding.UTF8.GetBytes(body);
        IReadOnlyList<string> warnings = streamRequestedButGot is null
            ? []
            : [$"a stream was requested but the response is '{streamRequestedButGot}', not text/event-stream; recorded as a JSON body"];
        if (IsJsonObject(utf8.Span) || (buffered && !Utf8.IsValid(utf8.Span) && IsJsonObject(Encoding.UTF8.GetBytes(body))))
        {
            return new AttemptResult { StatusCode = (int)response.StatusCode, Body = body, Warnings = warnings };
        }

        return new AttemptResult
        {
            StatusCode = (int)response.StatusCode,
            Body = body,
            Warnings = warnings,
            Failure = new BackendFailure(BackendFailureCategory.MalformedJson, string.Create(
                CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} body is not a JSON object: {SseStreamReader.Snippet(body)}"), (int)response.StatusCode),
            Fault = AttemptFault.Permanent,
        };
    }

    private async Task<AttemptResult> ReadStreamAsync(HttpResponseMessage response, PreparedRequest request, RequestState state, long started, IdleWatchdog? idle, CancellationToken cancellationToken)
    {
        var reader = new SseStreamReader(() => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds, request.Model);
        string? transportFault = null;
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        try
        {
            await reader.ReadAsync(stream, state.CurrentBody, cancellationToken, idle);
        }
        catch (Exception exception) when (IsTransportFault(exception) && idle is { Fired: true })
        {
            throw; // AttemptAsync records a stall (the partial stream stays in the request state)
        }
        catch (Exception exception) when (IsTransportFault(exception))
        {
            cancellationToken.ThrowIfCancellationRequested();
            transportFault = DescribeTransportFault(exception).Detail;
        }

        string body = state.CurrentBodyText;
        var result = new AttemptResult
        {
            StatusCode = (int)response.StatusCode,
            Body = body,
            IsStream = true,
            TimeToFirstTokenMs = reader.TimeToFirstTokenMs,
            Stream = reader.Digest(body),
        };
        var warnings = new List<string>(reader.Warnings());
        string cause = transportFault is null ? string.Empty : $" ({transportFault})";
        if (reader.SawDone)
        {
            return result with { Warnings = warnings };
        }

        if (reader.FinishReason is not null)
        {
            warnings.Add($"stream ended without [DONE] after finish_reason '{reader.FinishReason}'{cause}; kept as complete");
            return result with { Warnings = warnings };
        }

        if (reader.Events == 0 && transportFault is null && result.Body is { Length: > 0 } page)
        {
            // Not a stream at all (an HTML login or proxy page with status 200): retrying gets the same page.
            return result with
            {
                Warnings = warnings,
                Failure = new BackendFailure(BackendFailureCategory.MalformedJson, string.Create(CultureInfo.InvariantCulture,
                    $"HTTP {(int)response.StatusCode} body is neither an SSE stream nor a JSON object: {SseStreamReader.Snippet(page)}"), (int)response.StatusCode),
                Fault = AttemptFault.Permanent,
            };
        }

        return result with
        {
            Warnings = warnings,
            Failure = new BackendFailure(BackendFailureCategory.TruncatedStream, string.Create(CultureInfo.InvariantCulture,
                $"stream ended before [DONE] and before any finish_reason, after {reader.Events} data event(s){cause}"), (int)response.StatusCode),
            Fault = AttemptFault.Transient,
        };
    }

    /// <summary>
    /// The whole body as received: read straight into an array of its Content-Length when it has one (one copy), else
    /// buffered by the content. A body shorter than announced is a broken connection (an <see cref="IOException"/>).
    /// </summary>
    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is not { } length || length > MaxPresizedBody)
        {
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        byte[] body = new byte[(int)length];
        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await stream.ReadExactlyAsync(body, cancellationToken);
        return body;
    }

    /// <summary>An error body, at most <see cref="MaxErrorBodyChars"/> characters; a stream is not read past that.</summary>
    private static async Task<string> ReadErrorTextAsync(HttpResponseMessage response, bool buffered, CancellationToken cancellationToken)
    {
        if (buffered)
        {
            byte[] received = await ReadBodyAsync(response, cancellationToken);
            string whole = Encoding.UTF8.GetString(received);
            return whole.Length <= MaxErrorBodyChars ? whole : Truncated(whole.AsSpan(0, MaxErrorBodyChars), $"{received.Length} bytes in all");
        }

        using Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true);
        char[] buffer = new char[MaxErrorBodyChars + 1];
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        return read <= MaxErrorBodyChars ? new string(buffer, 0, read) : Truncated(buffer.AsSpan(0, MaxErrorBodyChars), "not read further");
    }

    private static string Truncated(ReadOnlySpan<char> kept, string rest) =>
        string.Concat(kept, string.Create(CultureInfo.InvariantCulture, $"… [error body truncated at {MaxErrorBodyChars} characters; {rest}]"));

    /// <summary>A response or content header as received (several values joined with commas), or null.</summary>
    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out HeaderStringValues values)
        || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? string.Join(',', values)
            : null;

    private static bool IsJson(string? contentType) =>
        contentType is not null && contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <paramref name="body"/> is one well-formed JSON object (a forward scan, no document built).</summary>
    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, Json.JsonText.DeepReader);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Failures of the wire rather than of the answer: refused, reset, closed mid-body, DNS, and the transport's own
    /// connect timeout. An <see cref="OperationCanceledException"/> is one only when the attempt's token is not
    /// cancelled (the caller checks).
    /// </summary>
    private static bool IsTransportFault(Exception exception) =>
        exception is HttpRequestException or IOException or SocketException or OperationCanceledException;

    private static (string Label, string Detail) DescribeTransportFault(Exception exception)
    {
        SocketException? socket = FindSocketException(exception);
        string label = socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.ConnectionReset or SocketError.ConnectionAborted => "connection reset",
            SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => "host not found",
            SocketError.TimedOut => "connect timeout",
            _ => exception switch
            {
                HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => "connection closed before the response ended",
                HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => "host not found",
                OperationCanceledException => "connect timeout",
                IOException => "connection broken mid-body",
                _ => "connection error",
            },
        };
        return (label, $"{label}: {exception.Message}");
    }

    private static SocketException? FindSocketException(Exception? exception)
    {
        for (int depth = 0; exception is not null && depth < 8; depth++, exception = exception.InnerException)
        {
            if (exception is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }
}
