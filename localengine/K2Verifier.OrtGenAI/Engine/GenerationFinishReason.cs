namespace K2Verifier.OrtGenAI.Engine;

/// <summary>Why generation ended, in OpenAI's terms.</summary>
public enum GenerationFinishReason
{
    /// <summary><c>stop</c>: the model produced an EOS token.</summary>
    Stop,

    /// <summary><c>length</c>: <see cref="GenerationOptions.MaxNewTokens"/> or the context length was reached.</summary>
    Length,
}
