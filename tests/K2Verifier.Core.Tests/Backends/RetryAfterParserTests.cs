using K2Verifier.Backends.Http;

namespace K2Verifier.Core.Tests.Backends;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("1", null, 1000)]
    [InlineData(" 30 ", null, 30_000)]
    [InlineData("0", null, 0)]
    [InlineData("Wed, 15 Jan 2025 12:00:09 GMT", null, 9000)]
    [InlineData("Wed, 15 Jan 2025 11:00:00 GMT", null, 0)]
    [InlineData("1", "250", 250)]
    [InlineData(null, "1500.5", 1500.5)]
    public void Parse_ValidHeader_ReturnsWait(string? retryAfter, string? retryAfterMs, double expectedMs)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), RetryAfterParser.Parse(retryAfter, retryAfterMs, Now));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("soon", null)]
    [InlineData("-5", null)]
    [InlineData(null, "-1")]
    public void Parse_MissingOrUnreadable_ReturnsNull(string? retryAfter, string? retryAfterMs)
    {
        Assert.Null(RetryAfterParser.Parse(retryAfter, retryAfterMs, Now));
    }

    [Fact]
    public void Parse_HugeSeconds_IsBoundedToOneDay()
    {
        Assert.Equal(TimeSpan.FromDays(1), RetryAfterParser.Parse("99999999999", null, Now));
    }
}
