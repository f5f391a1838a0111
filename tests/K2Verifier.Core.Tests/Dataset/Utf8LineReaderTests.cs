using System.Text;
using K2Verifier.Dataset;

namespace K2Verifier.Core.Tests.Dataset;

public sealed class Utf8LineReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\r\nb")]
    [InlineData("a\rb\r")]
    [InlineData("\n\n\r\r\n")]
    [InlineData("\uFEFFa\nb")]
    [InlineData("é\r\n€\n𝄞")]
    public async Task Lines_AreThoseStreamReaderReads(string text)
    {
        Assert.Equal(StreamReaderLines(text), await Utf8Lines(text, bufferSize: 4));
    }

    [Fact]
    public async Task Lines_OfRandomText_AreThoseStreamReaderReads_WhateverTheBufferSize()
    {
        var random = new Random(12);
        var pieces = new[] { "a", "bc", "\n", "\r", "\r\n", "é", "{\"x\":1}", new string('y', 40) };
        for (var round = 0; round < 200; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            foreach (var bufferSize in new[] { 1, 2, 3, 7, 64 })
            {
                Assert.Equal(StreamReaderLines(text), await Utf8Lines(text, bufferSize));
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public async Task ByteOrderMarks_AreSeen_WhenReadsReturnOneByteEach(int bufferSize)
    {
        var utf8 = new Utf8LineReader(new OneByteStream(Encoding.UTF8.GetBytes("\uFEFFa\nb")), bufferSize);
        var utf16 = new Utf8LineReader(new OneByteStream([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{}")]), bufferSize);

        Assert.False(await utf8.StartsWithWideByteOrderMarkAsync(CancellationToken.None));
        Assert.True(await utf8.NextAsync(CancellationToken.None));
        Assert.Equal("a", Encoding.UTF8.GetString(utf8.Current.Span));
        Assert.True(await utf16.StartsWithWideByteOrderMarkAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartsWithWideByteOrderMark_SaysUtf16()
    {
        var reader = new Utf8LineReader(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{}")).ToArray()), 16);

        Assert.True(await reader.StartsWithWideByteOrderMarkAsync(CancellationToken.None));
    }

    /// <summary>A stream whose every read returns one byte, as a pipe may.</summary>
    private sealed class OneByteStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }

    private static List<string> StreamReaderLines(string text)
    {
        using var reader = new StreamReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static async Task<List<string>> Utf8Lines(string text, int bufferSize)
    {
        var reader = new Utf8LineReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), bufferSize);
        var lines = new List<string>();
        while (await reader.NextAsync(CancellationToken.None))
        {
            lines.Add(Encoding.UTF8.GetString(reader.Current.Span));
        }

        return lines;
    }
}
