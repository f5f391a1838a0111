using System.Text.Json;
using System.Text.Json.Serialization;
using K2Verifier.Comparison;
using K2Verifier.Gates;

namespace K2Verifier.Cli.Output;

/// <summary>
/// Serialization code for the CLI's <c>--json</c> documents (a comparison, the gate records), generated at build time
/// with <see cref="ComparisonPrinter.JsonOptions"/>'s settings: no reflection at run time.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RunComparison))]
[JsonSerializable(typeof(List<GateRecord>))]
internal sealed partial class ComparisonJsonContext : JsonSerializerContext
{
    /// <summary>The context with <see cref="ComparisonPrinter.JsonOptions"/> (readable UTF-8, indented, snake_case).</summary>
    public static ComparisonJsonContext Printed { get; } = new(new JsonSerializerOptions(ComparisonPrinter.JsonOptions));
}
