using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>
/// Search options and guidance for one generator. Search options are GenAI's names: <c>max_length</c> (prompt plus
/// new tokens), <c>min_length</c>, <c>do_sample</c>, <c>temperature</c>, <c>top_p</c>, <c>top_k</c>,
/// <c>repetition_penalty</c>, <c>random_seed</c>, <c>batch_size</c>, <c>num_beams</c>.
/// </summary>
public sealed class GenAIGeneratorParams : IDisposable
{
    public GenAIGeneratorParams(GenAIModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var result = NativeMethods.OgaCreateGeneratorParams(model.Live(), out var generatorParams);
        Handle = OgaResult.Wrap(result, generatorParams, h => new GeneratorParamsHandle(h), "OgaCreateGeneratorParams");
    }

    internal GeneratorParamsHandle Handle { get; }

    /// <summary>Sets a numeric search option (e.g. <c>max_length</c>, <c>temperature</c>).</summary>
    public void SetSearchOption(string name, double value) =>
        OgaResult.Check(NativeMethods.OgaGeneratorParamsSetSearchNumber(Live(), name, value), $"OgaGeneratorParamsSetSearchNumber({name})");

    /// <summary>Sets a boolean search option (e.g. <c>do_sample</c>).</summary>
    public void SetSearchOption(string name, bool value) =>
        OgaResult.Check(NativeMethods.OgaGeneratorParamsSetSearchBool(Live(), name, value), $"OgaGeneratorParamsSetSearchBool({name})");

    /// <summary>Reads a numeric search option.</summary>
    public double GetSearchNumber(string name)
    {
        OgaResult.Check(NativeMethods.OgaGeneratorParamsGetSearchNumber(Live(), name, out var value), $"OgaGeneratorParamsGetSearchNumber({name})");
        return value;
    }

    /// <summary>Reads a boolean search option.</summary>
    public bool GetSearchBool(string name)
    {
        OgaResult.Check(NativeMethods.OgaGeneratorParamsGetSearchBool(Live(), name, out var value), $"OgaGeneratorParamsGetSearchBool({name})");
        return value;
    }

    /// <summary>
    /// Constrains decoding with llguidance: <paramref name="type"/> is <c>json_schema</c>, <c>regex</c> or
    /// <c>lark_grammar</c>. <paramref name="enableFastForwardTokens"/> lets the grammar emit forced tokens without a
    /// model step (batch size 1, no beams only). This is the Enforcer's entry point.
    /// </summary>
    public void SetGuidance(string type, string data, bool enableFastForwardTokens = false) =>
        OgaResult.Check(NativeMethods.OgaGeneratorParamsSetGuidance(Live(), type, data, enableFastForwardTokens), $"OgaGeneratorParamsSetGuidance({type})");

    public void Dispose() => Handle.Dispose();

    internal GeneratorParamsHandle Live()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
