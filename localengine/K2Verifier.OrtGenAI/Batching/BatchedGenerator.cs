using System.Collections.Concurrent;
using K2Verifier.OrtGenAI.Native;

namespace K2Verifier.OrtGenAI.Batching;

/// <summary>
/// Generates many requests at once through GenAI's engine (<c>OgaEngine</c>, the API the managed package does not
/// wrap). One owner thread creates the engine and makes every engine call (GenAI refuses calls from other threads):
/// it admits submitted requests (<c>OgaEngineCreateRequest</c>, per-turn options with the request's guidance,
/// <c>OgaRequestBeginTurn</c>), loops <c>OgaEngineRun</c> while any is active, and hands each request its tokens
/// and its end from the engine's events. Requests join when they are submitted and leave when their turn finishes;
/// which of the waiting requests a model step includes is the engine's scheduler's choice (see docs/local-engine.md).
/// </summary>
internal sealed partial class BatchedGenerator : IDisposable
{
    private const int EventCapacity = 256;

    private readonly ConcurrentQueue<BatchedRequest> _submitted = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly Dictionary<nint, BatchedRequest> _active = [];
    private readonly BatchedGeneratorContext _context;
    private readonly Thread _owner;
    private nint _engine;
    private nint _events;
    private volatile bool _stopping;

    /// <summary>Starts the owner thread and creates the engine on it; throws GenAI's reason when it refuses the model.</summary>
    public BatchedGenerator(nint model, BatchedGeneratorContext context)
    {
        _context = context;
        var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _owner = new Thread(() => Own(model, created)) { IsBackground = true, Name = "ortgenai-engine" };
        _owner.Start();
        created.Task.GetAwaiter().GetResult();
    }

    /// <summary>The engine's batch size (<c>OgaEngineCapabilitiesGetConfiguredMaxBatchSize</c>).</summary>
    public int MaxBatchSize { get; private set; }

    /// <summary>The dynamic scheduler's token budget, 0 for the static scheduler (<c>OgaEngineCapabilitiesGetMaxScheduledTokens</c>).</summary>
    public long MaxScheduledTokens { get; private set; }

    /// <summary>Queues <paramref name="request"/> for the owner thread; its completion ends when the engine finishes it.</summary>
    public Task<BatchedOutcome> SubmitAsync(BatchedRequest request)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        _submitted.Enqueue(request);
        _wake.Release();
        return request.Completion.Task;
    }

    /// <summary>Fails what is queued or active, destroys the engine on its thread and waits for the thread to end.</summary>
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _wake.Release();
        _owner.Join();
        _wake.Dispose();
    }

    private void Own(nint model, TaskCompletionSource created)
    {
        try
        {
            OgaEngineApi.Check(OgaEngineApi.OgaCreateEngine(model, out _engine), "OgaCreateEngine");
            OgaEngineApi.Check(OgaEngineApi.OgaCreateEngineEventBuffer(_engine, EventCapacity, out _events), "OgaCreateEngineEventBuffer");
            ReadCapabilities();
        }
        catch (OrtGenAIException ex)
        {
            Release();
            created.SetException(ex);
            return;
        }

        created.SetResult();
        Loop();
        FailAll(new ObjectDisposedException(nameof(BatchedGenerator), "the engine was disposed"));
        Release();
    }

    private void ReadCapabilities()
    {
        OgaEngineApi.Check(OgaEngineApi.OgaEngineGetCapabilities(_engine, out var capabilities), "OgaEngineGetCapabilities");
        MaxBatchSize = checked((int)OgaEngineApi.OgaEngineCapabilitiesGetConfiguredMaxBatchSize(capabilities));
        MaxScheduledTokens = checked((long)OgaEngineApi.OgaEngineCapabilitiesGetMaxScheduledTokens(capabilities));
        OgaEngineApi.OgaDestroyEngineCapabilities(capabilities);
    }

    private void Loop()
    {
        while (!_stopping)
        {
            while (_submitted.TryDequeue(out var request))
            {
                Admit(request);
            }

            DropCancelled();
            if (_active.Count == 0)
            {
                _wake.Wait();
                continue;
            }

            Step();
        }
    }

    private void Release()
    {
        if (_events != nint.Zero)
        {
            OgaEngineApi.OgaDestroyEngineEventBuffer(_events);
        }

        if (_engine != nint.Zero)
        {
            OgaEngineApi.OgaDestroyEngine(_engine);
        }
    }
}
