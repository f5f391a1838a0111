using K2Verifier.OrtGenAI.Loading;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Binding;

/// <summary>A model folder's <c>genai_config.json</c>, editable before the model is created (providers, overlays).</summary>
public sealed class GenAIConfig : IDisposable
{
    /// <summary>Reads <c>genai_config.json</c> from <paramref name="modelDirectory"/>.</summary>
    public GenAIConfig(string modelDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelDirectory);
        OrtGenAILibrary.Load();
        var result = NativeMethods.OgaCreateConfig(modelDirectory, out var config);
        Handle = OgaResult.Wrap(result, config, h => new ConfigHandle(h), "OgaCreateConfig");
    }

    internal ConfigHandle Handle { get; }

    /// <summary>Removes every provider, so the model runs on the CPU unless one is appended.</summary>
    public void ClearProviders() => OgaResult.Check(NativeMethods.OgaConfigClearProviders(Live()), "OgaConfigClearProviders");

    /// <summary>Appends a provider (e.g. <c>cuda</c>); an unknown or unavailable one fails when the model is created.</summary>
    public void AppendProvider(string provider) =>
        OgaResult.Check(NativeMethods.OgaConfigAppendProvider(Live(), provider), $"OgaConfigAppendProvider({provider})");

    /// <summary>Sets a provider option (e.g. <c>cuda</c>, <c>device_id</c>, <c>0</c>).</summary>
    public void SetProviderOption(string provider, string key, string value) =>
        OgaResult.Check(NativeMethods.OgaConfigSetProviderOption(Live(), provider, key, value), $"OgaConfigSetProviderOption({provider}, {key})");

    /// <summary>Merges a JSON object over the file's contents (e.g. <c>{"search":{"max_length":64}}</c>).</summary>
    public void Overlay(string json) => OgaResult.Check(NativeMethods.OgaConfigOverlay(Live(), json), "OgaConfigOverlay");

    public void Dispose() => Handle.Dispose();

    internal ConfigHandle Live()
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle;
    }
}
