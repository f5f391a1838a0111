namespace K2Verifier.Datasets.Generation.Text;

/// <summary>The language of a generated conversation.</summary>
public enum Language
{
    /// <summary>English system prompt and turns.</summary>
    English,

    /// <summary>Chinese system prompt and turns.</summary>
    Chinese,

    /// <summary>Both: a system prompt in one language, turns in the other, or code-switched turns.</summary>
    Mixed,
}
