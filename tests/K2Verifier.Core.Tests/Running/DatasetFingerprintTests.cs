using System.Security.Cryptography;
using System.Text;
using K2Verifier.Running;

namespace K2Verifier.Core.Tests.Running;

/// <summary>
/// The fingerprint's line count is the dataset reader's: the same lines counted as blank (read by a StreamReader,
/// blank by <see cref="string.IsNullOrWhiteSpace(string?)"/>), whatever the line ends and however the bytes are split.
/// </summary>
public sealed class DatasetFingerprintTests
{
    public static TheoryData<string> Texts() =>
    [
        "",
        "a",
        "a\n",
        "a\nb",
        "\n\n\n",
        "a\r\nb\r\n",
        "a\rb\rc",
        "a\r\n\r\nb",
        "  \t \n{}\n\v\f\n",
        "\u00a0\n\u3000 \n\u2028\n\u0085\nx\u00a0\n",
        "\u001c\n\u001f\n\u0000\n",
        "\ufeff\n{}",
        "\ufeff",
        "\ufeff{}\n\n",
        "é\n \u00e9 \n",
        "{\"messages\":[]}\r\n   \r\n{\"messages\":[1]}",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void LineCounter_CountsAsTheReaderDoes_InAnyBlockSize(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var expected = ReferenceCount(bytes);
        foreach (var block in new[] { 1, 2, 3, 7, bytes.Length + 1 })
        {
            var counter = new DatasetFingerprint.LineCounter();
            for (var i = 0; i < bytes.Length; i += block)
            {
                counter.Add(bytes.AsSpan(i, Math.Min(block, bytes.Length - i)));
            }

            Assert.True(expected == counter.Finish(), $"block size {block}: expected {expected} for {Escape(text)}");
        }
    }

    [Fact]
    public void LineCounter_EveryAsciiCharacterAloneOnALine_CountsAsTheReaderDoes()
    {
        for (var c = 0; c < 0x80; c++)
        {
            var bytes = new[] { (byte)c, (byte)'\n', (byte)'x', (byte)'\n' };
            var counter = new DatasetFingerprint.LineCounter();
            counter.Add(bytes);
            Assert.True(ReferenceCount(bytes) == counter.Finish(), $"U+{c:X4}");
        }
    }

    [Fact]
    public async Task ReadAsync_HashesTheFileAndCountsItsLines()
    {
        var path = Path.GetTempFileName();
        try
        {
            var text = string.Concat(Enumerable.Range(0, 5000).Select(i => i % 7 == 0 ? "\n" : $"{{\"messages\":[{i}]}}\r\n"));
            await File.WriteAllTextAsync(path, text, CancellationToken.None);
            var (lines, sha) = await DatasetFingerprint.ReadAsync(path, CancellationToken.None);
            var bytes = await File.ReadAllBytesAsync(path, CancellationToken.None);
            Assert.Equal(ReferenceCount(bytes), lines);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int ReferenceCount(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes));
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                count++;
            }
        }

        return count;
    }

    private static string Escape(string text) => string.Concat(text.Select(c => c < 0x20 || c > 0x7e ? $"\\u{(int)c:x4}" : c.ToString()));
}
