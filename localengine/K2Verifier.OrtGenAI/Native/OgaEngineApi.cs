using System.Runtime.InteropServices;
using K2Verifier.OrtGenAI.Loading;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>
/// GenAI 0.20.0's continuous-batching engine API (<c>OgaEngine</c>, <c>OgaRequest</c>, <c>OgaTurnOptions</c>, the
/// event buffer), which the managed package does not wrap. Signatures transcribed from <c>ort_genai_c.h</c> of the
/// <c>Microsoft.ML.OnnxRuntimeGenAI</c> 0.20.0 NuGet package (<c>build/native/include/ort_genai_c.h</c>). Every
/// engine call must run on the engine's owner thread (the thread that created it); GenAI refuses others.
/// </summary>
internal static partial class OgaEngineApi
{
    /// <summary><c>OgaEngineEventFlag_Token</c>: the event carries a generated token.</summary>
    public const uint FlagToken = 1u << 0;

    /// <summary><c>OgaEngineEventFlag_TurnFinished</c>: the event ends its request's turn (finish reason set).</summary>
    public const uint FlagTurnFinished = 1u << 1;

    /// <summary><c>OgaEngineEventFlag_Failed</c>: the request failed (error code set).</summary>
    public const uint FlagFailed = 1u << 3;

    /// <summary>Throws <see cref="OrtGenAIException"/> with GenAI's message when <paramref name="result"/> is an error.</summary>
    public static void Check(nint result, string operation)
    {
        if (result == nint.Zero)
        {
            return;
        }

        try
        {
            throw new OrtGenAIException(operation, Marshal.PtrToStringUTF8(OgaResultGetError(result)) ?? "(no message)");
        }
        finally
        {
            OgaDestroyResult(result);
        }
    }

    /// <summary><c>OgaRequestBeginTurn</c> with <paramref name="inputIds"/> as the turn's input; returns the turn id.</summary>
    public static unsafe ulong BeginTurn(nint request, nint turnOptions, int[] inputIds)
    {
        fixed (int* ids = inputIds)
        {
            Check(OgaRequestBeginTurn(request, turnOptions, ids, (ulong)inputIds.Length, out var turnId), "OgaRequestBeginTurn");
            return turnId;
        }
    }

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaResultGetError(nint result);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial void OgaDestroyResult(nint result);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaCreateEngine(nint model, out nint engine);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial void OgaDestroyEngine(nint engine);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineGetCapabilities(nint engine, out nint capabilities);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nuint OgaEngineCapabilitiesGetConfiguredMaxBatchSize(nint capabilities);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nuint OgaEngineCapabilitiesGetMaxScheduledTokens(nint capabilities);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial void OgaDestroyEngineCapabilities(nint capabilities);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaCreateEngineEventBuffer(nint engine, nuint capacity, out nint buffer);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial void OgaDestroyEngineEventBuffer(nint buffer);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineRun(nint engine, nint buffer);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nuint OgaEngineEventBufferGetCount(nint buffer);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventBufferGet(nint buffer, nuint index);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventGetFlags(nint engineEvent, out uint flags);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventGetRequest(nint engineEvent, out nint request);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventGetToken(nint engineEvent, out int token);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventGetTerminalTokenId(nint engineEvent, out int token);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventGetFinishReason(nint engineEvent, out uint reason);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineEventGetErrorCode(nint engineEvent, out uint code);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaEngineCreateRequest(nint engine, nint options, out nint request);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaRequestCreateTurnOptions(nint request, out nint options);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial void OgaDestroyTurnOptions(nint options);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaTurnOptionsSetMaxGeneratedTokens(nint options, ulong maxGeneratedTokens);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaTurnOptionsSetDoSample(nint options, [MarshalAs(UnmanagedType.U1)] bool doSample);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaTurnOptionsSetTemperature(nint options, float temperature);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaTurnOptionsSetTopP(nint options, float topP);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaTurnOptionsSetTopK(nint options, int topK);

    [LibraryImport(OrtGenAILibrary.LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint OgaTurnOptionsSetGuidance(nint options, string guidanceType, string guidanceData);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static unsafe partial nint OgaRequestBeginTurn(nint request, nint turnOptions, int* inputIds, ulong inputIdsCount, out ulong turnId);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial nint OgaRequestClose(nint request);

    [LibraryImport(OrtGenAILibrary.LibraryName)]
    public static partial void OgaDestroyRequest(nint request);
}
