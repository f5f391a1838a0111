namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>How strictly a completion is held to its tool-call format.</summary>
public enum ParseMode
{
    /// <summary>The model's specification: a call that deviates (id form, JSON, markers) is rejected and reported.</summary>
    Strict,

    /// <summary>What robust servers accept: whitespace, missing fences, odd ids and string-encoded arguments are repaired.</summary>
    Lenient,
}
