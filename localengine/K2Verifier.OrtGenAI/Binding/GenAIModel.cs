using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>A loaded model (ONNX sessions on its provider). Create tokenizers and generator params from it.</summary>
public sealed class GenAIModel : IDisposable
{
    /// <summary>Loads the model of <paramref name="modelDirectory"/> with the providers its genai_config.json lists.</summary>
    public GenAIModel(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        OrtGenAILibrary.Load();
        var result = NativeMethods.OgaCreateModel(modelDirectory, out var model);
        Handle = OgaResult.Wrap(result, model, h => new ModelHandle(h), $"OgaCreateModel({modelDirectory})");
    }

    /// <summary>Loads a model from an edited <see cref="GenAIConfig"/> (e.g. with its providers replaced).</summary>
    public GenAIModel(GenAIConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var result = NativeMethods.OgaCreateModelFromConfig(config.Live(), out var model);
        Handle = OgaResult.Wrap(result, model, h => new ModelHandle(h), "OgaCreateModelFromConfig");
    }

    internal ModelHandle Handle { get; }

    /// <summary>The model type from genai_config.json, e.g. <c>gpt2</c>.</summary>
    public string ModelType
    {
        get
        {
            var result = NativeMethods.OgaModelGetType(Live(), out var value);
            return OgaResult.TakeString(result, value, "OgaModelGetType");
        }
    }

    /// <summary>The device the model runs on, e.g. <c>CPU</c> or <c>CUDA</c>.</summary>
    public string DeviceType
    {
        get
        {
            var result = NativeMethods.OgaModelGetDeviceType(Live(), out var value);
            return OgaResult.TakeString(result, value, "OgaModelGetDeviceType");
        }
    }

    public void Dispose() => Handle.Dispose();

    internal ModelHandle Live()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
