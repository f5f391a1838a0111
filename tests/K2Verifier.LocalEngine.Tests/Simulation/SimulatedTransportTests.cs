using K2Verifier.LocalEngine.Simulation;

namespace K2Verifier.LocalEngine.Tests.Simulation;

/// <summary>
/// The flaky profile in process retries as <c>run</c> does by default over HTTP: 503s and resets use up three retries,
/// 429s are retried without a count cap. So <c>--engine sim</c> and <c>simulate</c> + <c>run</c> end alike.
/// </summary>
public sealed class SimulatedTransportTests
{
    private static readonly SimulationProfile Flaky = SimulationProfile.Get("flaky");
    private static readonly SimulatedResponse Answer = new("prompt", "text", "{}", false, 1);

    [Fact]
    public async Task Deliver_RateLimitsBesideTransientFaults_NotCountedAgainstTheRetries()
    {
        // A line whose first four attempts all fail, at least one with a 429 and at most three otherwise.
        var index = Find(draws => draws.Take(4).All(d => d is not null) && draws.Take(4).Any(d => d!.StatusCode == 429)
            && draws.TakeWhile(d => d is not null).Count(d => d!.StatusCode != 429) <= 3);

        var response = await new SimulatedTransport(Flaky, 0, TimeProvider.System).DeliverAsync(index, Answer, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.True(response.Attempts > 4, $"attempts {response.Attempts}");
    }

    [Fact]
    public async Task Deliver_FourTransientFaults_FailsAfterTheThirdRetry()
    {
        // A line whose first four faults are 503s or resets, with no 429 between them.
        var index = Find(draws => draws.Take(4).All(d => d is not null && d.StatusCode != 429));

        var response = await new SimulatedTransport(Flaky, 0, TimeProvider.System).DeliverAsync(index, Answer, CancellationToken.None);

        Assert.NotNull(response.Failure);
        Assert.Equal(4, response.Attempts);
    }

    private static int Find(Func<IReadOnlyList<K2Verifier.Backends.BackendFailure?>, bool> wanted)
    {
        for (var index = 1; index < 2_000_000; index++)
        {
            var draws = Enumerable.Range(1, 12).Select(a => SimulatedFaults.Draw(Flaky.TransportFaults, 0, index, a)).ToList();
            if (wanted(draws))
            {
                return index;
            }
        }

        throw new InvalidOperationException("no such line among the first 2,000,000 data_index values");
    }
}
