namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>
/// A fact that needs the native libraries: skipped with the loader's message when they cannot be loaded, except
/// in CI, where it runs and fails with that message.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeFactAttribute : FactAttribute
{
    public NativeFactAttribute()
    {
        if (!NativeLibraries.InCi && NativeLibraries.Problem is { } problem)
        {
            Skip = problem;
        }
    }
}
