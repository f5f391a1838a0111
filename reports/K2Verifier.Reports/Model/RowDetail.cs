namespace K2Verifier.Reports.Model;

/// <summary>What the drill-down shows for a problem row: the request and the raw response, pretty-printed and capped.</summary>
/// <param name="Request">The prepared request, indented JSON (cut at the report's per-field cap).</param>
/// <param name="Response">The response as recorded, indented JSON; null when the row has none.</param>
/// <param name="Checks">One line per tool call verdict (e.g. <c>call 0 (search): schema_violation at /q [type]: …</c>).</param>
/// <param name="Truncated">True when the request or response was cut.</param>
public sealed record RowDetail(string Request, string? Response, IReadOnlyList<string> Checks, bool Truncated);
