using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.OrtGenAI.Engine;

/// <summary>How <see cref="OrtGenAIEngine.Load"/> loads a model.</summary>
public sealed record OrtGenAIEngineOptions
{
    /// <summary>The device. Default: <see cref="ExecutionDevice.Cpu"/>.</summary>
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Cpu;

    /// <summary>
    /// The GenAI library or its folder (<c>--ortgenai-lib</c>). Default: null, which searches
    /// <see cref="OrtGenAILibrary.EnvironmentVariable"/>, the application folder (the NuGet package's copy) and the system loader.
    /// </summary>
    public string? LibraryPath { get; init; }

    /// <summary>Provider options as (provider, key, value), e.g. <c>("cuda", "device_id", "1")</c>. Default: none.</summary>
    public IReadOnlyList<(string Provider, string Key, string Value)> ProviderOptions { get; init; } = [];

    /// <summary>
    /// Requests generated at once. Default: 1, one at a time through the generator API (the reference path). Above 1
    /// the model is served through GenAI's engine (<c>OgaEngine</c>) with this batch size (genai_config's
    /// <c>engine.static_batching.max_batch_size</c>, overlaid), and concurrent <see cref="OrtGenAIEngine.GenerateAsync(IReadOnlyList{int}, GenerationOptions, CancellationToken)"/>
    /// calls share its steps.
    /// </summary>
    public int MaxBatchSize { get; init; } = 1;

    /// <summary>The clock for timings. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
