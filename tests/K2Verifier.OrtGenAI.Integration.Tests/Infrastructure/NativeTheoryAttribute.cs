namespace K2Verifier.OrtGenAI.Integration.Tests.Infrastructure;

/// <summary>A theory that needs the native libraries; skipped or failed like <see cref="NativeFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NativeTheoryAttribute : TheoryAttribute
{
    public NativeTheoryAttribute()
    {
        if (!NativeLibraries.InCi && NativeLibraries.Problem is { } problem)
        {
            Skip = problem;
        }
    }
}
