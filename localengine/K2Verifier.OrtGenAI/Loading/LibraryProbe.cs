namespace K2Verifier.OrtGenAI.Loading;

/// <summary>One place the resolver looks for the GenAI library: a file path, or a bare name for the system loader.</summary>
/// <param name="Source">A label for messages (see <see cref="NativeLibraryLocation.Source"/>).</param>
/// <param name="GenAIPath">A full path to the GenAI library, or its bare file name when <paramref name="IsSystem"/>.</param>
/// <param name="IsSystem">True for the system loader (LD_LIBRARY_PATH, ld.so.cache): no file check is possible.</param>
/// <param name="IsExplicit">True when the user named this path: a miss is an error, not a reason to look further.</param>
internal sealed record LibraryProbe(string Source, string GenAIPath, bool IsSystem, bool IsExplicit);
