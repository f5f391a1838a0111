using K2Verifier.Backends;
using K2Verifier.Dataset;
using K2Verifier.Integration.Tests.Infrastructure;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.Preparation;

namespace K2Verifier.Integration.Tests.Simulation;

public sealed class SlowProfileTests
{
    [Fact]
    public async Task Send_SlowProfile_WaitsDrawnLatencyOnTheTimeProvider()
    {
        // Arrange: timers fire at once, so the test does not sleep; the delays asked for are recorded.
        var time = new InstantDelayTimeProvider();
        var backend = new SimulatedBackend(SimulationProfile.Get("slow"), ExpectedLabels.Empty, seed: 1, time);
        const string Body = """{"model":"m","messages":[{"role":"user","content":"hi"}],"stream":true}""";
        var responses = new List<BackendResponse>();

        // Act
        for (var i = 1; i <= 40; i++)
        {
            var request = new PreparedRequest(i, new SourceLocation("x.jsonl", i), Body, "{}", Body, "h", true, []);
            responses.Add(await backend.SendAsync(request, CancellationToken.None));
        }

        // Assert: one wait per request, around a 0.8 s median, spread out; TTFT recorded for streams.
        var delays = time.Delays.Select(d => d.TotalMilliseconds).Order().ToList();
        Assert.Equal(40, delays.Count);
        Assert.InRange(delays[20], 400, 2000);
        Assert.True(delays[^1] > delays[0] * 1.5);
        Assert.All(responses, r => Assert.True(r.TimeToFirstTokenMs > 0 && r.DurationMs >= r.TimeToFirstTokenMs));
    }
}
