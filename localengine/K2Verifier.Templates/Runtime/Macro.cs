using K2Verifier.Templates.Syntax;

namespace K2Verifier.Templates.Runtime;

/// <summary>A macro (or the <c>caller</c> of a call block) closed over the scope it was defined in.</summary>
internal sealed record Macro(string Name, IReadOnlyList<string> Parameters, IReadOnlyList<Expr?> Defaults, IReadOnlyList<Stmt> Body, Scope Closure, bool CatchesVarargs = true, bool CatchesKwargs = true);
