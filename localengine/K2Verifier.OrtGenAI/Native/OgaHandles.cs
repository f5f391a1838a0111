// One handle type per native object, so a model handle cannot be passed where a generator is expected.
global using ConfigHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.ConfigKind>;
global using ModelHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.ModelKind>;
global using SequencesHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.SequencesKind>;
global using TokenizerHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.TokenizerKind>;
global using TokenizerStreamHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.TokenizerStreamKind>;
global using GeneratorParamsHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.GeneratorParamsKind>;
global using GeneratorHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.GeneratorKind>;
global using TensorHandle = K2Verifier.OrtGenAI.Native.OgaHandle<K2Verifier.OrtGenAI.Native.TensorKind>;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>A kind of GenAI object: the <c>OgaDestroy*</c> function that releases it.</summary>
internal interface IOgaKind
{
    static abstract void Destroy(nint value);
}

/// <summary>Owns one GenAI object of kind <typeparamref name="TKind"/>.</summary>
internal sealed class OgaHandle<TKind> : OgaSafeHandle
    where TKind : IOgaKind
{
    public OgaHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => TKind.Destroy(value);
}

/// <summary><c>OgaConfig*</c>, released with <c>OgaDestroyConfig</c>.</summary>
internal readonly struct ConfigKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyConfig(value);
}

/// <summary><c>OgaModel*</c>, released with <c>OgaDestroyModel</c>.</summary>
internal readonly struct ModelKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyModel(value);
}

/// <summary><c>OgaSequences*</c>, released with <c>OgaDestroySequences</c>.</summary>
internal readonly struct SequencesKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroySequences(value);
}

/// <summary><c>OgaTokenizer*</c>, released with <c>OgaDestroyTokenizer</c>.</summary>
internal readonly struct TokenizerKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyTokenizer(value);
}

/// <summary><c>OgaTokenizerStream*</c>, released with <c>OgaDestroyTokenizerStream</c>.</summary>
internal readonly struct TokenizerStreamKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyTokenizerStream(value);
}

/// <summary><c>OgaGeneratorParams*</c>, released with <c>OgaDestroyGeneratorParams</c>.</summary>
internal readonly struct GeneratorParamsKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyGeneratorParams(value);
}

/// <summary><c>OgaGenerator*</c>, released with <c>OgaDestroyGenerator</c>.</summary>
internal readonly struct GeneratorKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyGenerator(value);
}

/// <summary><c>OgaTensor*</c>, released with <c>OgaDestroyTensor</c>.</summary>
internal readonly struct TensorKind : IOgaKind
{
    public static void Destroy(nint value) => NativeMethods.OgaDestroyTensor(value);
}
