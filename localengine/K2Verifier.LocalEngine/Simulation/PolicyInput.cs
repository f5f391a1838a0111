using K2Verifier.Preparation;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>What the policy model gets for one request: the rendered prompt, the label, and what the server knows.</summary>
/// <param name="DataIndex">The request's data_index (keys the seeded noise).</param>
/// <param name="Prompt">The prompt exactly as the profile's render step produced it.</param>
/// <param name="Label">The expected label the policy follows.</param>
/// <param name="Tools">The tools declared in the request (the Enforcer constrains to these).</param>
/// <param name="ToolChoice"><c>auto</c>, <c>none</c>, <c>required</c>, or the name of a forced function.</param>
public sealed record PolicyInput(int DataIndex, string Prompt, ExpectedLabel Label, IReadOnlyList<ToolDeclaration> Tools, string ToolChoice = "auto");
