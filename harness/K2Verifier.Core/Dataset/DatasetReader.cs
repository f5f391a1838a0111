using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

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
    public static IAsyncEnumerable<DatasetRecord> ReadAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, transient: false, cancellationToken);

    /// <summary>
    /// Like <see cref="ReadAsync(string, CancellationToken)"/>, for a caller done with each record before it asks for
    /// the next: a record's <see cref="DatasetRecord.Element"/> is only valid until then (its document reads the line
    /// where the file was read into, with pooled metadata, and is disposed at the next step). Spares a copy of every
    /// line and of its parse.
    /// </summary>
    public static IAsyncEnumerable<DatasetRecord> ReadTransientAsync(string path, CancellationToken cancellationToken = default) =>
        ReadAsync(path, transient: true, cancellationToken);

    private static async IAsyncEnumerable<DatasetRecord> ReadAsync(
        string path,
        bool transient,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // 64 KiB reads: an asynchronous read of a file is a thread-pool hop, and the default 4 KiB took one or more per
        // request line. Lines are cut and parsed as UTF-8, as the file holds them, without a UTF-16 string each.
        using var file = new FileStream(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 0, Options = FileOptions.SequentialScan });
        var lines = new Utf8LineReader(file, ReadBufferSize);
        if (await lines.StartsWithWideByteOrderMarkAsync(cancellationToken).ConfigureAwait(false))
        {
            // UTF-16 or UTF-32 (a byte order mark says so): decoded as before, line by line.
            file.Position = 0;
            await foreach (var record in ReadDecodedAsync(path, file, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }

            yield break;
        }

        var lineNumber = 0;
        while (await lines.NextAsync(cancellationToken).ConfigureAwait(false))
        {
            lineNumber++;
            if (IsBlank(lines.Current.Span))
            {
                continue;
            }

            if (!transient)
            {
                yield return Parse(new SourceLocation(path, lineNumber), lines.Current.Span);
                continue;
            }

            var record = ParseTransient(new SourceLocation(path, lineNumber), lines.Current, out var document);
            using (document)
            {
                yield return record;
            }
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
            return NotJson(location, ex, line);
        }

        return Check(location, root, line);
    }

    /// <summary>Parses and checks one line given as UTF-8 (invalid sequences read as U+FFFD, as a text reader decodes them).</summary>
    public static DatasetRecord Parse(SourceLocation location, ReadOnlySpan<byte> line)
    {
        if (!Utf8.IsValid(line))
        {
            return Parse(location, Encoding.UTF8.GetString(line));
        }

        JsonElement root;
        try
        {
            root = JsonElement.Parse(line);
        }
        catch (JsonException ex)
        {
            return NotJson(location, ex, Encoding.UTF8.GetString(line));
        }

        return Check(location, root, json: null);
    }

    /// <summary>
    /// <see cref="Parse(SourceLocation, ReadOnlySpan{byte})"/> into a <paramref name="document"/> over
    /// <paramref name="line"/> itself, which the caller disposes (null when the record keeps no document of it).
    /// </summary>
    private static DatasetRecord ParseTransient(SourceLocation location, ReadOnlyMemory<byte> line, out JsonDocument? document)
    {
        document = null;
        if (!Utf8.IsValid(line.Span))
        {
            return Parse(location, line.Span);
        }

        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return Parse(location, line.Span); // the same error, worded in one place
        }

        var record = Check(location, document.RootElement, json: null);
        if (record.Element.ValueKind == JsonValueKind.Undefined)
        {
            document.Dispose();
            document = null;
        }

        return record;
    }

    /// <summary>The record of a line that is not JSON: where the parser stopped, why, and the line's start.</summary>
    private static DatasetRecord NotJson(SourceLocation location, JsonException ex, string line) =>
        new(location, null, $"column {(ex.BytePositionInLine ?? 0) + 1}: not JSON ({FirstSentence(ex.Message)}): {Snippet(line)}");

    /// <summary>The record of a line that parsed; <paramref name="json"/> is the line when the caller has it as a string.</summary>
    private static DatasetRecord Check(SourceLocation location, JsonElement root, string? json)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new DatasetRecord(location, null, $"$: expected a JSON object, found {Kind(root)}");
        }

        var problem = RequestShapeChecker.Check(root);
        return problem is null ? new DatasetRecord(location, json, null) { Element = root } : new DatasetRecord(location, null, problem);
    }

    private static async IAsyncEnumerable<DatasetRecord> ReadDecodedAsync(string path, Stream file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, ReadBufferSize, leaveOpen: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return Parse(new SourceLocation(path, lineNumber), line);
            }
        }
    }

    /// <summary>True for a line <see cref="string.IsNullOrWhiteSpace"/> calls blank, read from its UTF-8 bytes.</summary>
    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        var text = line.TrimStart(" \t\v\f"u8);
        if (text.IsEmpty)
        {
            return true;
        }

        // Other white space (U+0085, U+00A0, U+2000…, U+3000) is not ASCII; a line starting with anything else is not blank.
        return text[0] >= 0x80 && string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(line));
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
