using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using K2Verifier.Json;

namespace K2Verifier.Running;

/// <summary>
/// One cheap pass over the dataset's bytes: its non-blank line count (the progress total) and its sha256. Lines end
/// at LF, CR or CRLF and a line is blank when it is empty or white space, as <see cref="Dataset.DatasetReader"/> reads
/// them (a leading UTF-8 byte order mark is not content). No string is made for a line: the file is read once, in
/// pooled 64 KiB blocks that feed the hash and the count together (it used to be read twice, a string per line).
/// </summary>
internal static class DatasetFingerprint
{
    private const int BlockSize = 1 << 16;

    public static async Task<(int NonBlankLines, string Sha256)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var stream = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0, Options = FileOptions.SequentialScan });
        await using (stream.ConfigureAwait(false))
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var counter = new LineCounter();
            var block = ArrayPool<byte>.Shared.Rent(BlockSize);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(block.AsMemory(0, BlockSize), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    sha.AppendData(block, 0, read);
                    counter.Add(block.AsSpan(0, read));
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(block);
            }

            return (counter.Finish(), Convert.ToHexStringLower(sha.GetHashAndReset()));
        }
    }

    /// <summary>Counts non-blank lines over UTF-8 text fed in blocks of any size.</summary>
    internal sealed class LineCounter
    {
        private static readonly SearchValues<byte> AsciiWhiteSpace = SearchValues.Create(" \t\v\f"u8);
        private readonly List<byte> _undecided = []; // a line with only white space and non-ASCII bytes so far (rare)
        private bool _content;
        private bool _afterCr;
        private int _preamble; // bytes of a leading byte order mark matched so far; -1 once past the start
        private int _count;

        public void Add(ReadOnlySpan<byte> text)
        {
            if (_preamble >= 0)
            {
                text = SkipPreamble(text);
            }

            while (!text.IsEmpty)
            {
                if (_afterCr)
                {
                    _afterCr = false;
                    if (text[0] == (byte)'\n')
                    {
                        text = text[1..];
                        continue;
                    }
                }

                var end = text.IndexOfAny((byte)'\r', (byte)'\n');
                var line = end < 0 ? text : text[..end];
                if (!_content)
                {
                    Inspect(line);
                }

                if (end < 0)
                {
                    return;
                }

                EndLine();
                _afterCr = text[end] == (byte)'\r';
                text = text[(end + 1)..];
            }
        }

        /// <summary>The count, the last line counted even without its line end.</summary>
        public int Finish()
        {
            if (_preamble > 0)
            {
                // The text started like a byte order mark and ended: those bytes were content.
                _content = true;
            }

            EndLine();
            return _count;
        }

        private ReadOnlySpan<byte> SkipPreamble(ReadOnlySpan<byte> text)
        {
            var i = Utf8Bom.Match(text, ref _preamble);
            if (_preamble == Utf8Bom.Length)
            {
                _preamble = -1;
                return text[i..];
            }

            if (i < text.Length)
            {
                // Not a byte order mark after all: the bytes taken for one are the line's content.
                _content = _preamble > 0;
                _preamble = -1;
            }

            return text[i..];
        }

        private void Inspect(ReadOnlySpan<byte> line)
        {
            var other = line.IndexOfAnyExcept(AsciiWhiteSpace);
            while (other >= 0)
            {
                if (line[other] < 0x80)
                {
                    _content = true;
                    _undecided.Clear();
                    return;
                }

                // A non-ASCII byte: white space only if the whole line decodes to white space (U+00A0, U+3000, …).
                _undecided.Add(line[other]);
                line = line[(other + 1)..];
                other = line.IndexOfAnyExcept(AsciiWhiteSpace);
            }
        }

        private void EndLine()
        {
            if (!_content && _undecided.Count > 0)
            {
                _content = !string.IsNullOrWhiteSpace(Encoding.UTF8.GetString([.. _undecided]));
            }

            if (_content)
            {
                _count++;
            }

            _content = false;
            _undecided.Clear();
        }
    }
}
