using System.Runtime.InteropServices;

namespace K2Verifier.OrtGenAI.Loading;

/// <summary>
/// The resolver's search order, as data (no loading here): an explicit path (<c>--ortgenai-lib</c>, else the
/// <c>K2V_ORTGENAI_LIB</c> environment variable), next to the application (and its NuGet <c>runtimes/RID/native</c>
/// folder, where the <c>Microsoft.ML.OnnxRuntimeGenAI</c> package, or <c>.Cuda</c> with <c>-p:OrtGenAiCuda=true</c>,
/// deploys), the system loader.
/// </summary>
internal static class OrtGenAILibraryLocator
{
    /// <summary>The GenAI library's file name on this OS.</summary>
    public static string GenAIFileName { get; } =
        OperatingSystem.IsWindows() ? "onnxruntime-genai.dll" : OperatingSystem.IsMacOS() ? "libonnxruntime-genai.dylib" : "libonnxruntime-genai.so";

    /// <summary>ONNX Runtime's file names on this OS, preferred first (the package ships <c>libonnxruntime.so</c>; a system install has the versioned soname).</summary>
    public static IReadOnlyList<string> OnnxRuntimeFileNames { get; } =
        OperatingSystem.IsWindows() ? ["onnxruntime.dll"]
        : OperatingSystem.IsMacOS() ? ["libonnxruntime.dylib", "libonnxruntime.1.dylib"]
        : ["libonnxruntime.so.1", "libonnxruntime.so"];

    /// <summary>The probes in order. An explicit path ends the list: a wrong explicit path is never silently ignored.</summary>
    public static IReadOnlyList<LibraryProbe> Probes(string? explicitPath, Func<string, string?> environment, string applicationFolder)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return [new LibraryProbe("--ortgenai-lib", ExpandToFile(explicitPath), IsSystem: false, IsExplicit: true)];
        }

        var fromEnvironment = environment(OrtGenAILibrary.EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return [new LibraryProbe(OrtGenAILibrary.EnvironmentVariable, ExpandToFile(fromEnvironment), IsSystem: false, IsExplicit: true)];
        }

        return
        [
            new LibraryProbe("application folder", Path.Combine(applicationFolder, GenAIFileName), IsSystem: false, IsExplicit: false),
            new LibraryProbe("application folder", Path.Combine(applicationFolder, "runtimes", RuntimeIdentifier, "native", GenAIFileName), IsSystem: false, IsExplicit: false),
            new LibraryProbe("system loader", GenAIFileName, IsSystem: true, IsExplicit: false),
        ];
    }

    /// <summary>A folder means the GenAI library inside it; a file is taken as is.</summary>
    public static string ExpandToFile(string path)
    {
        var full = Path.GetFullPath(path);
        return Directory.Exists(full) ? Path.Combine(full, GenAIFileName) : full;
    }

    private static string RuntimeIdentifier =>
        (OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : "linux") + "-"
        + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
}
