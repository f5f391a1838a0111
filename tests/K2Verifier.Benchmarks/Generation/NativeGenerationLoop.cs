using K2Verifier.OrtGenAI.Native;
using GeneratorHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.GeneratorKind>;
using GeneratorParamsHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.GeneratorParamsKind>;
using ModelHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.ModelKind>;

namespace K2Verifier.Benchmarks.Generation;

/// <summary>
/// The tightest loop the C API allows: raw P/Invokes, no wrappers, no callbacks, no timing, no text. GenAI 0.15 has no
/// "generate everything" entry point of its own, so this is the native reference the engine's loop is measured against.
/// </summary>
internal static unsafe class NativeGenerationLoop
{
    /// <summary>Generates greedily until EOS or <paramref name="maxLength"/>; returns the number of new tokens.</summary>
    public static int Run(ModelHandle model, int[] prompt, int maxLength)
    {
        Check(NativeMethods.OgaCreateGeneratorParams(model, out var rawParams));
        using var generatorParams = new GeneratorParamsHandle(rawParams);
        Check(NativeMethods.OgaGeneratorParamsSetSearchNumber(generatorParams, "max_length", maxLength));
        Check(NativeMethods.OgaGeneratorParamsSetSearchBool(generatorParams, "do_sample", false));
        Check(NativeMethods.OgaCreateGenerator(model, generatorParams, out var rawGenerator));
        using var generator = new GeneratorHandle(rawGenerator);
        fixed (int* tokens = prompt)
        {
            Check(NativeMethods.OgaGenerator_AppendTokens(generator, tokens, (nuint)prompt.Length));
        }

        var count = 0;
        while (!NativeMethods.OgaGenerator_IsDone(generator))
        {
            Check(NativeMethods.OgaGenerator_GenerateNextToken(generator));
            Check(NativeMethods.OgaGenerator_GetNextTokens(generator, out _, out _));
            count++;
        }

        return count;
    }

    private static void Check(nint result) => OgaResult.Check(result, "native loop");
}
