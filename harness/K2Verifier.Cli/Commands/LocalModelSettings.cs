using K2Verifier.OrtGenAI.Engine;

namespace K2Verifier.Cli.Commands;

/// <summary>What <c>run --engine local</c> loads and how.</summary>
/// <param name="ModelDirectory">The model folder (full path).</param>
/// <param name="Enforce">Constrained decoding on.</param>
/// <param name="Device">The execution device.</param>
/// <param name="LibraryPath">The GenAI library (<c>--ortgenai-lib</c>), or null to search.</param>
internal sealed record LocalModelSettings(string ModelDirectory, bool Enforce, ExecutionDevice Device, string? LibraryPath);
