namespace K2Verifier.Datasets.Generation.Conversations;

/// <summary>How historical tool-call ids are written in a generated conversation.</summary>
public enum ToolIdStyle
{
    /// <summary>Kimi's official <c>functions.NAME:IDX</c>.</summary>
    Canonical,

    /// <summary><c>NAME:IDX</c> (e.g. <c>search:0</c>), the form that broke vLLM's parser.</summary>
    NameIndex,

    /// <summary>OpenAI-style <c>call_…</c>.</summary>
    OpenAiCall,
}
