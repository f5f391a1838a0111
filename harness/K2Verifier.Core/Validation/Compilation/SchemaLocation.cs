namespace K2Verifier.Validation.Compilation;

/// <summary>A physical place in a schema document: the document's index in the registry and a JSON Pointer.</summary>
internal readonly record struct SchemaLocation(int Document, string Pointer);
