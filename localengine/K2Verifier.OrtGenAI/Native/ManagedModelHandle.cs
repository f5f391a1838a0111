using System.Reflection;
using GenAIModel = Microsoft.ML.OnnxRuntimeGenAI.Model;

namespace K2Verifier.OrtGenAI.Native;

/// <summary>
/// The native <c>OgaModel*</c> behind a managed <see cref="GenAIModel"/>, for <c>OgaCreateEngine</c>: the managed
/// package (0.20.0) keeps it in an internal <c>Handle</c> property and has no engine wrapper. Read by reflection so the
/// engine shares the loaded model (the engine retains it) rather than loading the weights a second time.
/// </summary>
internal static class ManagedModelHandle
{
    private static readonly PropertyInfo? HandleProperty =
        typeof(GenAIModel).GetProperty("Handle", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public);

    /// <exception cref="InvalidOperationException">The managed package no longer has the property (a version other than 0.20.0).</exception>
    public static nint Of(GenAIModel model) => HandleProperty?.GetValue(model) is nint handle && handle != nint.Zero
        ? handle
        : throw new InvalidOperationException(
            $"the managed GenAI package ({typeof(GenAIModel).Assembly.GetName().Version}) has no internal Model.Handle; batching was written against 0.20.0");
}
