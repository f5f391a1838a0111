using System.Reflection;
using System.Runtime.InteropServices;

namespace K2Verifier.OrtGenAI.Loading;

/// <summary>
/// Loads ONNX Runtime GenAI and the ONNX Runtime it needs, once per process, and routes the managed GenAI API's
/// P/Invokes (and this assembly's) to it (<see cref="NativeLibrary.SetDllImportResolver"/>). The libraries come from
/// the <c>Microsoft.ML.OnnxRuntimeGenAI</c> package (or <c>.Cuda</c> with <c>-p:OrtGenAiCuda=true</c>), deployed in
/// the application's <c>runtimes/RID/native</c> folder; search order: see <see cref="OrtGenAILibraryLocator"/>.
/// ONNX Runtime is preloaded from the GenAI library's folder before any GenAI call: GenAI looks for an already loaded
/// ONNX Runtime first, and when it finds none it aborts the whole process (an uncaught C++ exception), so a missing
/// ONNX Runtime must be caught here.
/// </summary>
public static class OrtGenAILibrary
{
    /// <summary>The GenAI version this project references and was verified against.</summary>
    public const string NativeVersion = "0.20.0";

    /// <summary>The environment variable naming the GenAI library (or its folder) when <c>--ortgenai-lib</c> is not given.</summary>
    public const string EnvironmentVariable = "K2V_ORTGENAI_LIB";

    /// <summary>The library name the managed API's <c>DllImport</c>s use.</summary>
    internal const string LibraryName = "onnxruntime-genai";

    private static readonly Lock Gate = new();
    private static NativeLibraryLocation? _loaded;
    private static nint _genAIHandle;

    static OrtGenAILibrary()
    {
        NativeLibrary.SetDllImportResolver(typeof(Microsoft.ML.OnnxRuntimeGenAI.Model).Assembly, Resolve);
        NativeLibrary.SetDllImportResolver(typeof(OrtGenAILibrary).Assembly, Resolve);
    }

    /// <summary>Where the libraries were loaded from, or null before the first load.</summary>
    public static NativeLibraryLocation? Loaded
    {
        get
        {
            lock (Gate)
            {
                return _loaded;
            }
        }
    }

    /// <summary>
    /// Loads the libraries (idempotent). <paramref name="explicitPath"/> is a GenAI library file or its folder; null
    /// uses <c>K2V_ORTGENAI_LIB</c>, then the application folder (the package's deployment) and the system loader.
    /// </summary>
    /// <exception cref="OrtGenAILibraryNotFoundException">Nothing loadable was found; the message lists every place tried.</exception>
    /// <exception cref="InvalidOperationException">Already loaded from another explicit path in this process.</exception>
    public static NativeLibraryLocation Load(string? explicitPath = null)
    {
        lock (Gate)
        {
            if (_loaded is not null)
            {
                if (!string.IsNullOrWhiteSpace(explicitPath)
                    && !string.Equals(OrtGenAILibraryLocator.ExpandToFile(explicitPath), _loaded.GenAIPath, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"ONNX Runtime GenAI is already loaded from {_loaded.GenAIPath}; a process can load it only once (asked for {explicitPath}).");
                }

                return _loaded;
            }

            var probes = OrtGenAILibraryLocator.Probes(explicitPath, Environment.GetEnvironmentVariable, AppContext.BaseDirectory);
            _loaded = LoadFirst(probes);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => OrtGenAIShutdown.AtProcessExit();
            return _loaded;
        }
    }

    private static NativeLibraryLocation LoadFirst(IReadOnlyList<LibraryProbe> probes)
    {
        var tried = new List<string>();
        foreach (var probe in probes)
        {
            if (!probe.IsSystem && !File.Exists(probe.GenAIPath))
            {
                tried.Add($"{probe.Source}: {probe.GenAIPath} (not there)");
                continue;
            }

            var onnxRuntime = PreloadOnnxRuntime(probe, out var onnxRuntimeProblem);
            if (onnxRuntime is null)
            {
                tried.Add($"{probe.Source}: {probe.GenAIPath} ({onnxRuntimeProblem})");
                if (probe.IsExplicit)
                {
                    break;
                }

                continue;
            }

            if (!NativeLibrary.TryLoad(probe.GenAIPath, out _genAIHandle))
            {
                tried.Add($"{probe.Source}: {probe.GenAIPath} ({(probe.IsSystem ? "not found" : "could not be loaded: wrong architecture or missing dependency")})");
                if (probe.IsExplicit)
                {
                    break;
                }

                continue;
            }

            return new NativeLibraryLocation(probe.GenAIPath, onnxRuntime, probe.Source);
        }

        throw new OrtGenAILibraryNotFoundException(tried);
    }

    /// <summary>ONNX Runtime from the GenAI library's own folder, else through the system loader.</summary>
    private static string? PreloadOnnxRuntime(LibraryProbe probe, out string problem)
    {
        var folder = probe.IsSystem ? null : Path.GetDirectoryName(probe.GenAIPath);
        foreach (var name in OrtGenAILibraryLocator.OnnxRuntimeFileNames)
        {
            var candidate = folder is null ? null : Path.Combine(folder, name);
            if (candidate is not null && File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out _))
            {
                problem = string.Empty;
                return candidate;
            }
        }

        foreach (var name in OrtGenAILibraryLocator.OnnxRuntimeFileNames)
        {
            if (NativeLibrary.TryLoad(name, out _))
            {
                problem = string.Empty;
                return name;
            }
        }

        problem = $"found, but ONNX Runtime ({string.Join(" or ", OrtGenAILibraryLocator.OnnxRuntimeFileNames)}) is neither beside it nor on the system loader's path";
        return null;
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibraryName)
        {
            return nint.Zero;
        }

        Load();
        return _genAIHandle;
    }
}
