using K2Verifier.Validation.Evaluation;
using K2Verifier.Validation.Patterns;

namespace K2Verifier.Validation.Keywords;

/// <summary>A <c>patternProperties</c> entry: the pattern as written, its compiled form and its subschema.</summary>
internal sealed record PatternSchema(string Pattern, PythonRegex.Compiled Regex, SchemaNode Node);
