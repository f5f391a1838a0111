using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Datasets.Tests.Infrastructure;

/// <summary>The repository root (the folder with K2Verifier.sln) and the shared read-only data in ../shared beside it.</summary>
internal static class RepositoryPaths
{
    public static string Root => Repository.Root;

    public static string K2v4000 => Path.Combine(Root, "datasets", "k2v-4000");

    /// <summary>A path under ../shared; throws with a clear message when it is missing.</summary>
    public static string Shared(params string[] parts)
    {
        var path = Repository.Shared(parts);
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"Shared test data not found at '{path}'. These tests read ../shared relative to the repository root ('{Root}'); mount the shared data there.");
        }

        return path;
    }
}
