using System.Runtime.CompilerServices;

namespace K2Verifier.Core.Tests.TestSupport;

/// <summary>Paths to the repository and to ../shared beside it.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Shared(params string[] parts) => Path.Combine([Path.GetFullPath(Path.Combine(Root, "..", "shared")), .. parts]);

    private static string FindRoot([CallerFilePath] string callerPath = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(callerPath)! })
        {
            for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
                {
                    return dir;
                }
            }
        }

        throw new InvalidOperationException("K2Verifier.sln not found above the test assembly");
    }
}
