using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>
/// The native libraries for these tests: the Microsoft.ML.OnnxRuntimeGenAI package deploys them in the test output's
/// <c>runtimes/RID/native</c> folder. When they cannot be loaded, <see cref="Problem"/> carries the loader's message:
/// tests skip with it locally and fail with it in CI (<c>CI=true</c>).
/// </summary>
internal static class NativeLibraries
{
    private static readonly Lazy<(NativeLibraryLocation? Location, string? Problem)> Loaded = new(Load);

    /// <summary>Why the libraries are not available, or null.</summary>
    public static string? Problem => Loaded.Value.Problem;

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the libraries were loaded from; fails the test with the loader's message when they were not.</summary>
    public static NativeLibraryLocation Require() => Loaded.Value.Location ?? throw new InvalidOperationException(Problem);

    private static (NativeLibraryLocation? Location, string? Problem) Load()
    {
        try
        {
            return (OrtGenAILibrary.Load(), null);
        }
        catch (OrtGenAILibraryNotFoundException ex)
        {
            return (null, ex.Message);
        }
    }
}
