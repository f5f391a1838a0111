using K2Verifier.OrtGenAI.Engine;

namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>What <see cref="ModelDoctor.Run"/> checks, and how.</summary>
public sealed record DoctorOptions
{
    /// <summary>The model folder (the one holding genai_config.json).</summary>
    public required string ModelDirectory { get; init; }

    /// <summary>The device to load on. Default: <see cref="ExecutionDevice.Cpu"/>.</summary>
    public ExecutionDevice Device { get; init; } = ExecutionDevice.Cpu;

    /// <summary>The GenAI library or its folder (<c>--ortgenai-lib</c>). Default: null, the usual search.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>A sha256 manifest (<c>sha256sum</c> format, paths relative to the model folder). Default: null, not checked.</summary>
    public string? ManifestPath { get; init; }

    /// <summary>The context length for the KV-cache estimate. Default: null, genai_config's <c>context_length</c>.</summary>
    public int? ContextLength { get; init; }

    /// <summary>Requests served at once, for the KV-cache estimate. Default: 1.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Memory available for the model. Default: null, measured (MemAvailable in /proc/meminfo, else the GC's limit).</summary>
    public long? AvailableMemoryBytes { get; init; }
}
