namespace K2Verifier.Integration.Tests.Infrastructure;

/// <summary>The first lines of the bundled k2v-4000 dataset with its labels, for runs against the simulator.</summary>
internal static class K2v4000Slice
{
    /// <summary>
    /// Writes the first <paramref name="lines"/> requests as <c>samples.jsonl</c> and the labels as
    /// <c>expected.jsonl</c> into <paramref name="folder"/> (or its <paramref name="subfolder"/>, with a copy of the labels
    /// left in <paramref name="folder"/> too); returns the dataset's path.
    /// </summary>
    public static string Write(string folder, int lines, string? subfolder = null)
    {
        var source = Path.Combine(CliProcess.RepositoryRoot(), "datasets", "k2v-4000");
        var target = subfolder is null ? folder : Path.Combine(folder, subfolder);
        Directory.CreateDirectory(target);
        var dataset = Path.Combine(target, "samples.jsonl");
        File.WriteAllLines(dataset, File.ReadLines(Path.Combine(source, "samples.jsonl")).Take(lines));
        File.Copy(Path.Combine(source, "expected.jsonl"), Path.Combine(target, "expected.jsonl"));
        if (subfolder is not null)
        {
            File.Copy(Path.Combine(source, "expected.jsonl"), Path.Combine(folder, "expected.jsonl"));
        }

        return dataset;
    }
}
