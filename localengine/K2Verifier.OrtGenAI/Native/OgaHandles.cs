namespace K2Verifier.OrtGenAI.Native;

/// <summary>Owns an <c>OgaConfig*</c>; released with <c>OgaDestroyConfig</c>.</summary>
internal sealed class ConfigHandle : OgaSafeHandle
{
    public ConfigHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyConfig(value);
}

/// <summary>Owns an <c>OgaModel*</c>; released with <c>OgaDestroyModel</c>.</summary>
internal sealed class ModelHandle : OgaSafeHandle
{
    public ModelHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyModel(value);
}

/// <summary>Owns an <c>OgaSequences*</c>; released with <c>OgaDestroySequences</c>.</summary>
internal sealed class SequencesHandle : OgaSafeHandle
{
    public SequencesHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroySequences(value);
}

/// <summary>Owns an <c>OgaTokenizer*</c>; released with <c>OgaDestroyTokenizer</c>.</summary>
internal sealed class TokenizerHandle : OgaSafeHandle
{
    public TokenizerHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyTokenizer(value);
}

/// <summary>Owns an <c>OgaTokenizerStream*</c>; released with <c>OgaDestroyTokenizerStream</c>.</summary>
internal sealed class TokenizerStreamHandle : OgaSafeHandle
{
    public TokenizerStreamHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyTokenizerStream(value);
}

/// <summary>Owns an <c>OgaGeneratorParams*</c>; released with <c>OgaDestroyGeneratorParams</c>.</summary>
internal sealed class GeneratorParamsHandle : OgaSafeHandle
{
    public GeneratorParamsHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyGeneratorParams(value);
}

/// <summary>Owns an <c>OgaGenerator*</c>; released with <c>OgaDestroyGenerator</c>.</summary>
internal sealed class GeneratorHandle : OgaSafeHandle
{
    public GeneratorHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyGenerator(value);
}

/// <summary>Owns an <c>OgaTensor*</c>; released with <c>OgaDestroyTensor</c>.</summary>
internal sealed class TensorHandle : OgaSafeHandle
{
    public TensorHandle(nint handle)
        : base(handle)
    {
    }

    protected override void Destroy(nint value) => NativeMethods.OgaDestroyTensor(value);
}
