using System.Reflection;

namespace K2Verifier.Running;

/// <summary>The harness version recorded in summaries (the informational version of the core assembly).</summary>
public static class HarnessVersion
{
    /// <summary>E.g. <c>0.1.0</c> or <c>0.1.0+commit</c>.</summary>
    public static string Value { get; } =
        typeof(HarnessVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
