namespace K2Verifier.Wire;

/// <summary>One thing a response got wrong on the wire, with its evidence.</summary>
/// <param name="Code">The stable code (see <see cref="WireCodes"/>).</param>
/// <param name="Severity"><c>error</c>, <c>warn</c> or <c>info</c> (see <see cref="WireSeverity"/>).</param>
/// <param name="Field">Where: a JSON path such as <c>choices[0].message.content</c>, or a stream field.</param>
/// <param name="Excerpt">A short excerpt of what was found (at most about 80 characters).</param>
/// <param name="Chunk">For streams, the 1-based SSE event number the evidence is in.</param>
public sealed record WireFinding(string Code, string Severity, string? Field = null, string? Excerpt = null, int? Chunk = null)
{
    /// <summary>A finding of <paramref name="code"/> with the code's severity.</summary>
    public static WireFinding Of(WireCode code, string? field = null, string? excerpt = null, int? chunk = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new WireFinding(code.Code, code.Severity, field, excerpt is null ? null : WireText.Excerpt(excerpt), chunk);
    }
}
