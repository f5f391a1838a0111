using System.Runtime.ExceptionServices;

namespace K2Verifier.Running;

/// <summary>
/// Runs a body for each item of an asynchronous sequence with at most N running at once, like
/// <see cref="Parallel.ForEachAsync{TSource}(IAsyncEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>
/// but started from one loop: as soon as a slot is free the next item is taken and its body queued to the thread pool.
/// Parallel.ForEachAsync starts its workers one after another, each queued by the previous one once that one ran, so
/// filling 1,000 slots was a chain of 1,000 thread-pool hops behind the in-flight streams' work (0.6–0.9 s on two busy
/// cores in <c>bench slow-vendor</c>, against about 0.1 s of preparation).
/// The first failure cancels the token the bodies see and stops taking items; once every started body has ended it is
/// rethrown (the caller's cancellation surfaces as <see cref="OperationCanceledException"/>).
/// </summary>
internal static class ConcurrentForEach
{
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
        using var slots = new SemaphoreSlim(maxConcurrency, maxConcurrency);
        var run = new RunState(stop);
        try
        {
            await foreach (var item in source.WithCancellation(stop.Token).ConfigureAwait(false))
            {
                await slots.WaitAsync(stop.Token).ConfigureAwait(false);
                if (stop.IsCancellationRequested)
                {
                    // A body that ended on the cancellation freed this slot before the wait saw it cancelled.
                    slots.Release();
                    break;
                }

                run.Started();
                _ = Task.Run(() => RunOneAsync(item, body, slots, run), CancellationToken.None);
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

        await run.FinishAsync().ConfigureAwait(false);
        if (run.Failure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private static async Task RunOneAsync<T>(T item, Func<T, CancellationToken, Task> body, SemaphoreSlim slots, RunState run)
    {
        try
        {
            await body(item, run.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            run.Fail(exception);
        }
        finally
        {
            slots.Release();
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
