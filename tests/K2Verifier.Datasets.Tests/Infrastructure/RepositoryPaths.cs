namespace K2Verifier.Datasets.Tests.Infrastructure;

/// <summary>The repository root (the folder with K2Verifier.sln) and the shared read-only data in ../shared beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string SharedRoot => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string K2v4000 => Path.Combine(Root, "datasets", "k2v-4000");

    /// <summary>A path under ../shared; throws with a clear message when it is missing.</summary>
    public static string Shared(params string[] parts)
    {
        var path = Path.Combine([SharedRoot, .. parts]);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Shared test data not found at '{path}'. These tests read ../shared relative to the repository root ('{Root}'); mount the shared data there.");
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
