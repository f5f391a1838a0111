using Microsoft.ML.OnnxRuntimeGenAI;

namespace K2Verifier.OrtGenAI;

/// <summary>
/// Runs a call into the managed GenAI API and turns its <see cref="OnnxRuntimeGenAIException"/> into an
/// <see cref="OrtGenAIException"/> that names the operation and keeps GenAI's message verbatim.
/// </summary>
internal static class GenAICall
{
    public static T Run<T>(string operation, Func<T> call)
    {
        try
        {
            return call();
        }
        catch (OnnxRuntimeGenAIException ex)
        {
            throw new OrtGenAIException(operation, ex.Message);
        }
    }

    public static void Run(string operation, Action call)
    {
        try
        {
            call();
        }
        catch (OnnxRuntimeGenAIException ex)
        {
            throw new OrtGenAIException(operation, ex.Message);
        }
    }
}
