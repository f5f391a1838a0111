using System.Runtime.CompilerServices;

namespace K2Verifier.Tests.Support;

/// <summary>
/// Golden-file assertions: compares text with tests/TestData/Golden/NAME.verified.EXT. On a mismatch writes
/// NAME.received.EXT beside it; with UPDATE_GOLDEN=1 (never in CI) accepts the new text instead.
/// </summary>
public static class Golden
{
    public static void AssertMatches(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(RepositoryRoot(callerPath), "tests", "TestData", "Golden");
        var extension = Path.GetExtension(name);
        var stem = Path.GetFileNameWithoutExtension(name);
        var verifiedPath = Path.Combine(directory, $"{stem}.verified{extension}");
        var receivedPath = Path.Combine(directory, $"{stem}.received{extension}");
        actual = actual.ReplaceLineEndings("\n");

        var update = Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1"
            && Environment.GetEnvironmentVariable("CI") != "true";
        if (update)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No golden file {verifiedPath}; wrote {receivedPath}. Review it and accept with UPDATE_GOLDEN=1."
            : $"Output differs from {verifiedPath}; wrote {receivedPath}. Diff them, and accept with UPDATE_GOLDEN=1 if intended.");
    }

    /// <summary>
    /// The folder holding K2Verifier.sln, found above the test assembly (CI builds map source paths to <c>/_/</c>, so
    /// the caller's file path is only a fallback for tests run from an IDE's output folder elsewhere).
    /// </summary>
    private static string RepositoryRoot(string callerPath)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(callerPath) })
        {
            for (var dir = start; dir is not null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "K2Verifier.sln")))
                {
                    return dir;
                }
            }
        }

        throw new InvalidOperationException($"K2Verifier.sln not found above {AppContext.BaseDirectory} or {callerPath}");
    }
}
