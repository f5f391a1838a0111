using System.Security.Cryptography;

namespace K2Verifier.Running;

/// <summary>One cheap pass over the dataset: its non-blank line count (the progress total) and its sha256.</summary>
internal static class DatasetFingerprint
{
    public static async Task<(int NonBlankLines, string Sha256)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var sha = await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false);
            stream.Position = 0;
            using var reader = new StreamReader(stream);
            var count = 0;
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!string.IsNullOrWhiteSpace(line))
                {
                    count++;
                }
            }

            return (count, Convert.ToHexStringLower(sha));
        }
    }
}
