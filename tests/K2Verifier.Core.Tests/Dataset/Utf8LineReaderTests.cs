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

    [Fact]
    public async Task StartsWithWideByteOrderMark_SaysUtf16()
    {
        var reader = new Utf8LineReader(new MemoryStream(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{}")).ToArray()), 16);

        Assert.True(await reader.StartsWithWideByteOrderMarkAsync(CancellationToken.None));
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
