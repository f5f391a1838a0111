namespace K2Verifier.Conformance.Tests.Infrastructure;

/// <summary>Locates the shared, read-only data: <c>../shared</c> next to the repository root (the folder with K2Verifier.sln).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string RepositoryRoot => RootPath.Value;

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SuiteRoot => Path.Combine(Shared, "conformance", "json-schema-test-suite");

    public static string Bfcl => Path.Combine(Shared, "datasets", "bfcl");

    /// <summary>Throws with a clear message when <paramref name="path"/> is missing.</summary>
    public static string Require(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Shared test data not found at '{path}'. The conformance tests read ../shared relative to the repository root " +
                $"('{RepositoryRoot}'); check out or mount the shared data there.");
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "K2Verifier.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"K2Verifier.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
