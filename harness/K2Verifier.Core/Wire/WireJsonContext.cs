using System.Text.Json.Serialization;

namespace K2Verifier.Wire;

/// <summary>
/// Serialization code for <see cref="WireJson"/>, generated at build time: a row's findings and stream facts are written
/// for every streamed row, and reflection-based serialization would emit and compile its accessors at run time (and
/// cannot run ahead of time at all).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IReadOnlyList<WireFinding>))]
[JsonSerializable(typeof(List<WireFinding>))]
[JsonSerializable(typeof(StreamFacts))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
