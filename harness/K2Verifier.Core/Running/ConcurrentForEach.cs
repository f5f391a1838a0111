using System.Runtime.ExceptionServices;
using System.Threading.Channels;

namespace K2Verifier.Running;

/// <summary>
/// Runs a body for each item of an asynchronous sequence with at most N running at once, like
/// <see cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
/// but started from one loop: until N bodies run, each item starts a worker of its own (queued to the thread pool);
/// after that the loop takes items ahead into a small queue, and a worker whose body ended takes the next item from it
/// and runs it at once. Parallel.ForEachAsync starts its workers one after another, each queued by the previous one once
/// that one ran, so filling 1,000 slots was a chain of 1,000 thread-pool hops behind the in-flight streams' work (0.6–0.9
/// s on two busy cores in <c>bench slow-vendor</c>, against about 0.1 s of preparation); a slot freed by a body woke the
/// loop, which queued the next body: two more hops, each behind every stream's queued reads, between one request's end
/// and the next one's start.
/// The first failure cancels the token the bodies see and stops taking items; once every started body has ended it is
/// rethrown (the caller's cancellation surfaces as <see cref="OperationCanceledException"/>).
/// </summary>
internal static class ConcurrentForEach
{
    /// <summary>The most items taken from the source ahead of a free worker.</summary>
    private const int Ahead = 64;

    public static async Task RunAsync<T>(
        IAsyncEnumerable<T> source,
        int maxConcurrency,
        Func<T, CancellationToken, Task> body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = new RunState(stop);
        var ready = Channel.CreateBounded<T>(new BoundedChannelOptions(Math.Min(maxConcurrency, Ahead)) { SingleWriter = true });
        var workers = 0;
        try
        {
            await foreach (var item in source.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                if (stop.IsCancellationRequested)
                {
                    break; // a source that does not watch the token still starts nothing after a failure
                }

                if (workers < maxConcurrency)
                {
                    workers++;
                    run.Started();
                    _ = Task.Run(() => WorkAsync(item, ready.Reader, body, run), CancellationToken.None);
                }
                else
                {
                    await ready.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // A body failed or the caller cancelled: no more items; the reason is thrown below.
        }
        catch (Exception exception)
        {
            run.Fail(exception);
        }
        finally
        {
            ready.Writer.TryComplete();
        }

        await run.FinishAsync().ConfigureAwait(false);
        if (run.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Runs <paramref name="first"/>, then the items queued ahead, until there are none or the run stops.</summary>
    private static async Task WorkAsync<T>(T first, ChannelReader<T> ready, Func<T, CancellationToken, Task> body, RunState run)
    {
        try
        {
            var item = first;
            while (true)
            {
                await body(item, run.Token).ConfigureAwait(false);
                while (!ready.TryRead(out item!))
                {
                    if (!await ready.WaitToReadAsync(CancellationToken.None).ConfigureAwait(false))
                    {
                        return; // the source has ended (or the run stopped)
                    }
                }

                if (run.Token.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        catch (Exception exception)
        {
            run.Fail(exception);
        }
        finally
        {
            run.Ended();
        }
    }

    /// <summary>The bodies in flight (and the loop, counted as one until it ends) and the first failure.</summary>
    private sealed class RunState(CancellationTokenSource stop)
    {
        private readonly TaskCompletionSource _allEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Exception? _failure;
        private int _running = 1;

        public CancellationToken Token { get; } = stop.Token;

        public Exception? Failure => Volatile.Read(ref _failure);

        public void Started() => Interlocked.Increment(ref _running);

        public void Ended()
        {
            if (Interlocked.Decrement(ref _running) == 0)
            {
                _allEnded.TrySetResult();
            }
        }

        /// <summary>Keeps the first failure (a body's own, not the cancellations it caused) and stops the others.</summary>
        public void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && stop.IsCancellationRequested && Failure is not null)
            {
                return;
            }

            Interlocked.CompareExchange(ref _failure, exception, null);
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Every body has ended and the run is over.
            }
        }

        /// <summary>Ends the loop's own count and waits for every started body.</summary>
        public Task FinishAsync()
        {
            Ended();
            return _allEnded.Task;
        }
    }
}
