namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>Temporary files and folders for tests, under the system temp folder.</summary>
internal static class TempFile
{
    public static string Directory()
    {
        var path = Path.Combine(Path.GetTempPath(), "k2v-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    public static string Write(string content, string name = "data.jsonl")
    {
        var path = Path.Combine(Directory(), name);
        File.WriteAllText(path, content.ReplaceLineEndings("\n") + "\n");
        return path;
    }
}
