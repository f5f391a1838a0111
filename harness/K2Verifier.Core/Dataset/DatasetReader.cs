using System.Runtime.CompilerServices;
using System.Text.Json;

namespace K2Verifier.Dataset;

/// <summary>
/// Reads a K2VV-format dataset: JSONL, one chat-completion request body per line. Blank lines are skipped but
/// counted, so <c>data_index</c> is the physical line number. A bad line becomes a record with a problem; it never
/// stops the others.
/// </summary>
public static class DatasetReader
{
    private const int SnippetLength = 120;
    private const int ReadBufferSize = 1 << 16;

    /// <summary>Yields every non-blank line of <paramref name="path"/> in order.</summary>
    public static async IAsyncEnumerable<DatasetRecord> ReadAsync(
        string path,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // 64 KiB reads straight into the reader's buffer: an asynchronous read of a file is a thread-pool hop, and the
        // default 4 KiB took one or more per request line.
        var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0, Options = FileOptions.SequentialScan });
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, ReadBufferSize);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(new SourceLocation(path, lineNumber), line);
        }
    }

    /// <summary>Parses and checks one line.</summary>
    public static DatasetRecord Parse(SourceLocation location, string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonElement root;
        try
        {
            // A document that needs no disposing: the record keeps it, so preparation does not parse the line again.
            root = JsonElement.Parse(line);
        }
        catch (JsonException ex)
        {
            var column = (ex.BytePositionInLine ?? 0) + 1;
            return new DatasetRecord(location, null, $"column {column}: not JSON ({FirstSentence(ex.Message)}): {Snippet(line)}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return new DatasetRecord(location, null, $"$: expected a JSON object, found {Kind(root)}");
        }

        var problem = RequestShapeChecker.Check(root);
        return problem is null ? new DatasetRecord(location, line, null) { Element = root } : new DatasetRecord(location, null, problem);
    }

    internal static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }

    private static string Snippet(string line) =>
        line.Length <= SnippetLength ? line : string.Concat(line.AsSpan(0, SnippetLength - 1), "…");
}
