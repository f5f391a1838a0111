using System.Text.Json.Serialization;

namespace K2Verifier.Metrics;

/// <summary>
/// Serialization code for <see cref="RunSummaryWriter"/>, generated at build time (snake_case keys, indented, nulls
/// written): no reflection-emitted accessors at run time, and it can run ahead of time.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(RunSummary))]
[JsonSerializable(typeof(RepeatSummary))]
internal sealed partial class SummaryJsonContext : JsonSerializerContext;
