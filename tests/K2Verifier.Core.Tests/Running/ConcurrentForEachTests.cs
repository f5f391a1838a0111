using K2Verifier.Running;

namespace K2Verifier.Core.Tests.Running;

public sealed class ConcurrentForEachTests
{
    [Fact]
    public async Task RunAsync_RunsEveryItemOnce_NeverMoreThanTheLimitAtOnce()
    {
        var running = 0;
        var peak = 0;
        var seen = new System.Collections.Concurrent.ConcurrentBag<int>();
        await ConcurrentForEach.RunAsync(Items(200), 7, async (item, _) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            seen.Add(item);
            Interlocked.Decrement(ref running);
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 200), seen.Order());
        Assert.InRange(peak, 1, 7);
    }

    [Fact]
    public async Task RunAsync_FillsEverySlotBeforeAnyBodyEnds()
    {
        // Ten bodies that wait for a signal only sent once all ten have started: the loop must start them all.
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await ConcurrentForEach.RunAsync(Items(10), 10, async (_, ct) =>
        {
            if (Interlocked.Increment(ref started) == 10)
            {
                allStarted.SetResult();
            }

            await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        }, CancellationToken.None);

        Assert.Equal(10, started);
    }

    [Fact]
    public async Task RunAsync_ABodyFails_StopsTakingItems_CancelsTheOthers_AndRethrowsThatFailure()
    {
        var started = 0;
        var cancelledOthers = 0;
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => ConcurrentForEach.RunAsync(Items(1000), 4, async (item, ct) =>
        {
            Interlocked.Increment(ref started);
            if (item == 2)
            {
                throw new InvalidOperationException("endpoint down");
            }

            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref cancelledOthers);
                throw;
            }
        }, CancellationToken.None));

        Assert.Equal("endpoint down", thrown.Message);
        Assert.InRange(started, 3, 4);
        Assert.Equal(started - 1, cancelledOthers);
    }

    [Fact]
    public async Task RunAsync_CallerCancels_ThrowsOperationCanceled_AfterTheStartedBodiesEnded()
    {
        using var cancel = new CancellationTokenSource();
        var ended = 0;
        var task = ConcurrentForEach.RunAsync(Items(1000), 3, async (item, ct) =>
        {
            try
            {
                if (item == 2)
                {
                    await cancel.CancelAsync();
                }

                await Task.Delay(Timeout.Infinite, ct);
            }
            finally
            {
                Interlocked.Increment(ref ended);
            }
        }, cancel.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal(3, ended);
    }

    [Fact]
    public async Task RunAsync_TheSourceFails_RethrowsItsFailure()
    {
        var thrown = await Assert.ThrowsAsync<FormatException>(() => ConcurrentForEach.RunAsync(Failing(), 2, (_, _) => Task.CompletedTask, CancellationToken.None));
        Assert.Equal("bad line", thrown.Message);
    }

    private static async IAsyncEnumerable<int> Items(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return i;
            await Task.CompletedTask;
        }
    }

    private static async IAsyncEnumerable<int> Failing()
    {
        yield return 1;
        await Task.CompletedTask;
        throw new FormatException("bad line");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
