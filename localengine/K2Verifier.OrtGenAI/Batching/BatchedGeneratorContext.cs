using K2Verifier.OrtGenAI.Engine;
using Microsoft.ML.OnnxRuntimeGenAI;

namespace K2Verifier.OrtGenAI.Batching;

/// <summary>
/// What <see cref="BatchedGenerator"/> borrows from its <see cref="OrtGenAIEngine"/>: the lock every other GenAI call
/// (tokenizing, decoding) takes, so none runs during an engine step; the clock; the streaming decoder's factory; and
/// the text a streamed token shows.
/// </summary>
internal sealed record BatchedGeneratorContext(
    Lock NativeLock,
    TimeProvider TimeProvider,
    Func<TokenizerStream?> CreateStream,
    Func<int, TokenizerStream?, GenerationOptions, string> TokenText);
