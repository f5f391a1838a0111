using System.Text;
using K2Verifier.Validation.Evaluation;

namespace K2Verifier.Validation.Keywords;

/// <summary>A property name with its UTF-8 form (for allocation-free lookups) and its subschema.</summary>
internal sealed record NamedSchema(string Name, SchemaNode Node)
{
    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(Name);
}
