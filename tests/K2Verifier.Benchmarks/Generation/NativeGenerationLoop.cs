using System.Runtime.InteropServices;

namespace K2Verifier.Benchmarks.Generation;

/// <summary>
/// The tightest loop the C API allows: raw P/Invokes (declared here, benchmark only), no wrappers, no callbacks, no
/// timing, no text. GenAI has no "generate everything" entry point of its own, so this is the native reference the
/// engine's loop (the managed API) is measured against, on the same native library.
/// </summary>
internal static unsafe partial class NativeGenerationLoop
{
    private const string Library = "onnxruntime-genai";

    /// <summary>Loads the model of <paramref name="directory"/> (the folder's providers) and returns its handle.</summary>
    public static nint CreateModel(string directory)
    {
        Check(OgaCreateModel(directory, out var model));
        return model;
    }

    /// <summary>Releases a model from <see cref="CreateModel"/>.</summary>
    public static void DestroyModel(nint model) => OgaDestroyModel(model);

    /// <summary>Generates greedily until EOS or <paramref name="maxLength"/>; returns the number of new tokens.</summary>
    public static int Run(nint model, int[] prompt, int maxLength)
    {
        Check(OgaCreateGeneratorParams(model, out var generatorParams));
        try
        {
            Check(OgaGeneratorParamsSetSearchNumber(generatorParams, "max_length", maxLength));
            Check(OgaGeneratorParamsSetSearchBool(generatorParams, "do_sample", false));
            Check(OgaCreateGenerator(model, generatorParams, out var generator));
            try
            {
                fixed (int* tokens = prompt)
                {
                    Check(OgaGenerator_AppendTokens(generator, tokens, (nuint)prompt.Length));
                }

                var count = 0;
                while (!OgaGenerator_IsDone(generator))
                {
                    Check(OgaGenerator_GenerateNextToken(generator));
                    Check(OgaGenerator_GetNextTokens(generator, out _, out _));
                    count++;
                }

                return count;
            }
            finally
            {
                OgaDestroyGenerator(generator);
            }
        }
        finally
        {
            OgaDestroyGeneratorParams(generatorParams);
        }
    }

    private static void Check(nint result)
    {
        if (result != nint.Zero)
        {
            var message = Marshal.PtrToStringUTF8(OgaResultGetError(result));
            OgaDestroyResult(result);
            throw new InvalidOperationException($"native loop: {message}");
        }
    }

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OgaCreateModel(string configPath, out nint model);

    [LibraryImport(Library)]
    private static partial void OgaDestroyModel(nint model);

    [LibraryImport(Library)]
    private static partial nint OgaCreateGeneratorParams(nint model, out nint generatorParams);

    [LibraryImport(Library)]
    private static partial void OgaDestroyGeneratorParams(nint generatorParams);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OgaGeneratorParamsSetSearchNumber(nint generatorParams, string name, double value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint OgaGeneratorParamsSetSearchBool(nint generatorParams, string name, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(Library)]
    private static partial nint OgaCreateGenerator(nint model, nint generatorParams, out nint generator);

    [LibraryImport(Library)]
    private static partial void OgaDestroyGenerator(nint generator);

    [LibraryImport(Library)]
    private static partial nint OgaGenerator_AppendTokens(nint generator, int* tokens, nuint count);

    [LibraryImport(Library)]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool OgaGenerator_IsDone(nint generator);

    [LibraryImport(Library)]
    private static partial nint OgaGenerator_GenerateNextToken(nint generator);

    [LibraryImport(Library)]
    private static partial nint OgaGenerator_GetNextTokens(nint generator, out int* tokens, out nuint count);

    [LibraryImport(Library)]
    private static partial nint OgaResultGetError(nint result);

    [LibraryImport(Library)]
    private static partial void OgaDestroyResult(nint result);
}
