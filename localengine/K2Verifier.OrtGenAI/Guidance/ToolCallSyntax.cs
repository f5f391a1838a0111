namespace K2Verifier.OrtGenAI.Guidance;

/// <summary>What one piece of a format's tool call is: a marker, fixed text, the function name, a call index or the arguments.</summary>
internal enum SyntaxPartKind
{
    /// <summary>A delimiter that is a special token in the format's own tokenizer (written as a token when the caller says it is one).</summary>
    Marker,

    /// <summary>Fixed text.</summary>
    Literal,

    /// <summary>The function name as a JSON string.</summary>
    JsonName,

    /// <summary>The function name as written.</summary>
    RawName,

    /// <summary>A call index (digits), as in Kimi K2's <c>functions.NAME:IDX</c>.</summary>
    CallIndex,

    /// <summary>The arguments object, valid against the tool's bounded JSON Schema.</summary>
    Arguments,
}

/// <summary>One piece of a tool call's syntax.</summary>
/// <param name="Kind">What the piece is.</param>
/// <param name="Text">The marker or literal text; empty for the other kinds.</param>
internal readonly record struct SyntaxPart(SyntaxPartKind Kind, string Text = "")
{
    public static SyntaxPart Marker(string text) => new(SyntaxPartKind.Marker, text);

    public static SyntaxPart Literal(string text) => new(SyntaxPartKind.Literal, text);
}

/// <summary>
/// A tool-call format's call syntax, as the Enforcer writes it (the same text the format's renderer produces and its
/// strict parser reads): calls are <c>SectionBegin? CallBegin CallBody (CallSeparator CallBegin CallBody)* SectionEnd?</c>.
/// </summary>
internal sealed record ToolCallSyntax
{
    /// <summary>The format's registry name.</summary>
    public required string Name { get; init; }

    /// <summary>The marker opening the block of calls, when the format has one.</summary>
    public string? SectionBegin { get; init; }

    /// <summary>The marker closing the block of calls, when the format has one.</summary>
    public string? SectionEnd { get; init; }

    /// <summary>The marker opening each call, when the format has one.</summary>
    public string? CallBegin { get; init; }

    /// <summary>The rest of a call after <see cref="CallBegin"/>.</summary>
    public required IReadOnlyList<SyntaxPart> CallBody { get; init; }

    /// <summary>Text between two calls.</summary>
    public string CallSeparator { get; init; } = string.Empty;

    /// <summary>Substrings free text may not contain, because a parser would read a call there.</summary>
    public required IReadOnlyList<string> TextMustNotContain { get; init; }

    /// <summary>A regex (Rust syntax) free text may not start with, because a parser would read a call there; or null.</summary>
    public string? TextMustNotStartWith { get; init; }

    /// <summary>
    /// The marker that opens the calls: the section's, else the first call's. Null when calls start with plain text;
    /// such a format allows free text or calls, not both (nothing would mark where the calls begin).
    /// </summary>
    public string? Opener => SectionBegin ?? CallBegin;
}
