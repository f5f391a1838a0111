using System.Text.Json;

namespace K2Verifier.Conformance.Tests.Bfcl;

/// <summary>One ground-truth call of the BFCL dataset with the parameters schema of the tool it names.</summary>
internal sealed record BfclCall(int DataIndex, string Name, JsonElement Arguments, JsonElement Schema)
{
    public string Label => $"data_index {DataIndex} {Name}";
}
