using System.Text.Json.Serialization;

namespace K2Verifier.Sharding;

/// <summary>Serialization code for <see cref="ShardManifestFile"/>, generated at build time (snake_case keys, indented).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(ShardManifest))]
internal sealed partial class ShardManifestJsonContext : JsonSerializerContext;
