using System.Text.Json.Nodes;

namespace K2Verifier.Suites.Schema;

/// <summary>One schema of the corpus: the tool name it is sent under, the <c>parameters</c> schema and where it came from.</summary>
/// <param name="Id">A stable id (<c>schema-0001</c>), in corpus order.</param>
/// <param name="ToolName">The function name the schema is declared under.</param>
/// <param name="Parameters">The <c>parameters</c> schema.</param>
/// <param name="Source">The file and line it was first seen at.</param>
public sealed record SchemaEntry(string Id, string ToolName, JsonObject Parameters, string Source)
{
    /// <summary>The features of <see cref="Parameters"/> (see <see cref="SchemaFeatures"/>).</summary>
    public IReadOnlyList<string> Features { get; } = SchemaFeatures.Of(Parameters);

    /// <summary>Why no instance satisfies the schema, when <see cref="SchemaSatisfiability"/> finds a reason; null otherwise.</summary>
    public string? Unsatisfiable { get; } = SchemaSatisfiability.Problem(Parameters);
}
