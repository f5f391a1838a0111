using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using K2Verifier.Results;

namespace K2Verifier.Datasets.Importers;

/// <summary>
/// Imports the published K2VV tool-calls data: the <c>.tar.gz</c> (read with <see cref="TarReader"/> over a
/// <see cref="GZipStream"/>, nothing extracted by entry path) or its extracted folder. Writes <c>samples.jsonl</c>
/// unchanged (so data_index and request hashes stay K2VV's) and copies every official <c>*_results.jsonl</c> to
/// <c>baselines/</c> after checking that <see cref="ResultsFile.Read"/> reads its rows: a K2VV results file is the
/// baseline format of <c>run --baseline</c> and <c>score --baseline</c>.
/// </summary>
public static class K2vvImporter
{
    /// <summary>The samples file name inside the tarball or folder.</summary>
    public const string SamplesFile = "samples.jsonl";

    /// <summary>The suffix of official results files.</summary>
    public const string ResultsSuffix = "_results.jsonl";

    /// <summary>Imports <paramref name="source"/> (a .tar.gz or a folder) into <paramref name="outputDirectory"/>.</summary>
    public static async Task<ImportSummary> ImportAsync(string source, string outputDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var baselines = Path.Combine(outputDirectory, "baselines");
        Directory.CreateDirectory(baselines);
        var written = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (name, content) in Entries(source, cancellationToken).ConfigureAwait(false))
        {
            await using (content.ConfigureAwait(false))
            {
                if (!seen.Add(name))
                {
                    throw new InvalidDataException($"{source}: more than one {name}");
                }

                var target = name == SamplesFile ? Path.Combine(outputDirectory, SamplesFile) : Path.Combine(baselines, name);
                var stream = File.Create(target);
                await using (stream.ConfigureAwait(false))
                {
                    await content.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
                }

                written.Add(target);
            }
        }

        if (!seen.Contains(SamplesFile))
        {
            throw new InvalidDataException($"{source}: no {SamplesFile} found");
        }

        var samples = File.ReadLines(Path.Combine(outputDirectory, SamplesFile)).Count();
        var notes = written.Where(p => p.EndsWith(ResultsSuffix, StringComparison.Ordinal)).SelectMany(p => CheckBaseline(p, samples)).ToList();
        if (written.Count == 1)
        {
            notes.Add($"{source}: no *{ResultsSuffix} files, so no baselines were written");
        }

        written.Sort(StringComparer.Ordinal);
        return new ImportSummary(File.ReadLines(Path.Combine(outputDirectory, SamplesFile)).Count(l => !string.IsNullOrWhiteSpace(l)), written, notes);
    }

    private static IEnumerable<string> CheckBaseline(string path, int sampleLines)
    {
        var rows = ResultsFile.Read(path).ToList();
        var readable = rows.Count(r => r.Result is not null);
        if (readable == 0)
        {
            throw new InvalidDataException($"{path}: no readable K2VV results rows");
        }

        foreach (var row in rows.Where(r => r.Problem is not null).Take(5))
        {
            yield return $"unreadable baseline row: {row.Problem}";
        }

        var outside = rows.Count(r => r.Result is { } result && (result.DataIndex < 1 || result.DataIndex > sampleLines));
        if (outside > 0)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"{path}: {outside} rows have a data_index outside samples.jsonl (1..{sampleLines})");
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"baseline {Path.GetFileName(path)}: {readable} rows");
    }

    private static async IAsyncEnumerable<(string Name, Stream Content)> Entries(
        string source, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Directory.Exists(source))
        {
            foreach (var path in Directory.EnumerateFiles(source, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (IsWanted(Path.GetFileName(path)))
                {
                    yield return (Path.GetFileName(path), File.OpenRead(path));
                }
            }

            yield break;
        }

        var file = File.OpenRead(source);
        await using (file.ConfigureAwait(false))
        {
            var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                var tar = new TarReader(gzip);
                await using (tar.ConfigureAwait(false))
                {
                    while (await tar.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        var name = Path.GetFileName(entry.Name.TrimEnd('/'));
                        if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data && IsWanted(name) && !name.StartsWith("._", StringComparison.Ordinal))
                        {
                            yield return (name, new NonClosingStream(data));
                        }
                    }
                }
            }
        }
    }

    private static bool IsWanted(string name) => name == SamplesFile || name.EndsWith(ResultsSuffix, StringComparison.Ordinal);
}
