using System.Globalization;
using K2Verifier.OrtGenAI.Native;
using static K2Verifier.OrtGenAI.Native.OgaEngineApi;

namespace K2Verifier.OrtGenAI.Batching;

/// <summary>Admission, the engine step and its events (all on the owner thread).</summary>
internal sealed partial class BatchedGenerator
{
    private const uint FinishEos = 1;
    private const uint FinishCancelled = 5;

    /// <summary>Creates the request and begins its one turn with its own options and guidance.</summary>
    private void Admit(BatchedRequest request)
    {
        if (request.CancellationToken.IsCancellationRequested)
        {
            request.Completion.TrySetCanceled(request.CancellationToken);
            return;
        }

        var turnOptions = nint.Zero;
        using var scope = _context.NativeLock.EnterScope();
        try
        {
            Check(OgaEngineCreateRequest(_engine, nint.Zero, out var handle), "OgaEngineCreateRequest");
            request.Handle = handle;
            Check(OgaRequestCreateTurnOptions(handle, out turnOptions), "OgaRequestCreateTurnOptions");
            SetTurnOptions(turnOptions, request);
            request.Started = _context.TimeProvider.GetTimestamp();
            request.Stream = request.Options.OnToken is null ? null : _context.CreateStream();
            BeginTurn(handle, turnOptions, request.Prompt);

            _active.Add(handle, request);
        }
        catch (OrtGenAIException ex)
        {
            Finish(request, ex);
        }
        finally
        {
            if (turnOptions != nint.Zero)
            {
                OgaDestroyTurnOptions(turnOptions);
            }
        }
    }

    private static void SetTurnOptions(nint turnOptions, BatchedRequest request)
    {
        var options = request.Options;
        Check(OgaTurnOptionsSetMaxGeneratedTokens(turnOptions, (ulong)request.MaxNewTokens), "OgaTurnOptionsSetMaxGeneratedTokens");
        Check(OgaTurnOptionsSetDoSample(turnOptions, !options.IsGreedy), "OgaTurnOptionsSetDoSample");
        if (!options.IsGreedy)
        {
            if (options.Temperature is { } temperature)
            {
                Check(OgaTurnOptionsSetTemperature(turnOptions, (float)temperature), "OgaTurnOptionsSetTemperature");
            }

            if (options.TopP is { } topP)
            {
                Check(OgaTurnOptionsSetTopP(turnOptions, (float)topP), "OgaTurnOptionsSetTopP");
            }

            if (options.TopK is { } topK)
            {
                Check(OgaTurnOptionsSetTopK(turnOptions, topK), "OgaTurnOptionsSetTopK");
            }
        }

        // The engine's guidance has no fast-forward switch: forced tokens take one model step each.
        if (options.Guidance is { } guidance)
        {
            Check(OgaTurnOptionsSetGuidance(turnOptions, guidance.Type, guidance.Data), "OgaTurnOptionsSetGuidance");
        }
    }

    private void DropCancelled()
    {
        foreach (var request in _active.Values.Where(r => r.CancellationToken.IsCancellationRequested).ToList())
        {
            _active.Remove(request.Handle);
            Close(request);
            request.Completion.TrySetCanceled(request.CancellationToken);
        }
    }

    /// <summary>One <c>OgaEngineRun</c> (a model step or a drain of retained events) and its events.</summary>
    private void Step()
    {
        lock (_context.NativeLock)
        {
            try
            {
                Check(OgaEngineRun(_engine, _events), "OgaEngineRun");
                var count = (int)OgaEngineEventBufferGetCount(_events);
                for (var i = 0; i < count; i++)
                {
                    Handle(OgaEngineEventBufferGet(_events, (nuint)i));
                }
            }
            catch (OrtGenAIException ex)
            {
                FailAll(ex);
            }
        }
    }

    private void Handle(nint engineEvent)
    {
        Check(OgaEngineEventGetFlags(engineEvent, out var flags), "OgaEngineEventGetFlags");
        Check(OgaEngineEventGetRequest(engineEvent, out var handle), "OgaEngineEventGetRequest");
        if (!_active.TryGetValue(handle, out var request))
        {
            return;
        }

        if ((flags & FlagToken) != 0)
        {
            Check(OgaEngineEventGetToken(engineEvent, out var token), "OgaEngineEventGetToken");
            Add(request, token);
        }

        if ((flags & FlagFailed) != 0)
        {
            Check(OgaEngineEventGetErrorCode(engineEvent, out var code), "OgaEngineEventGetErrorCode");
            _active.Remove(handle);
            Finish(request, new OrtGenAIException("OgaEngineRun", string.Create(CultureInfo.InvariantCulture, $"the engine failed the request (OgaErrorCode {code})")));
        }
        else if ((flags & FlagTurnFinished) != 0)
        {
            Check(OgaEngineEventGetFinishReason(engineEvent, out var reason), "OgaEngineEventGetFinishReason");
            Check(OgaEngineEventGetTerminalTokenId(engineEvent, out var terminal), "OgaEngineEventGetTerminalTokenId");
            if (terminal >= 0)
            {
                Add(request, terminal);
            }

            _active.Remove(handle);
            Complete(request, reason);
        }
    }

    private void Add(BatchedRequest request, int token)
    {
        var elapsed = _context.TimeProvider.GetElapsedTime(request.Started);
        request.Tokens.Add(token);
        if (request.Tokens.Count == 1)
        {
            request.TimeToFirstToken = elapsed;
        }

        if (request.Options.OnToken is { } onToken)
        {
            onToken(new Engine.GeneratedToken(request.Tokens.Count - 1, token, _context.TokenText(token, request.Stream, request.Options), elapsed));
        }
    }

    private void Complete(BatchedRequest request, uint reason)
    {
        Close(request);
        if (reason == FinishCancelled)
        {
            request.Completion.TrySetCanceled(request.CancellationToken);
            return;
        }

        request.Completion.TrySetResult(new BatchedOutcome(
            request.Tokens, reason == FinishEos, request.TimeToFirstToken, _context.TimeProvider.GetElapsedTime(request.Started)));
    }

    private void FailAll(Exception exception)
    {
        foreach (var request in _active.Values)
        {
            Finish(request, exception);
        }

        _active.Clear();
        while (_submitted.TryDequeue(out var queued))
        {
            queued.Completion.TrySetException(exception);
        }
    }

    private static void Finish(BatchedRequest request, Exception exception)
    {
        Close(request);
        request.Completion.TrySetException(exception);
    }

    private static void Close(BatchedRequest request)
    {
        request.Stream?.Dispose();
        if (request.Handle != nint.Zero)
        {
            var closed = OgaRequestClose(request.Handle);
            if (closed != nint.Zero)
            {
                OgaDestroyResult(closed);
            }

            OgaDestroyRequest(request.Handle);
            request.Handle = nint.Zero;
        }
    }
}
