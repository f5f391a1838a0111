namespace K2Verifier.Integration.Tests.FakeVendor;

/// <summary>A tool call the fake vendor answers with.</summary>
/// <param name="Name">The function name (declared in the request or not: the fake does not check).</param>
/// <param name="Arguments">The arguments exactly as sent: a JSON string in the wire format, valid JSON or not.</param>
/// <param name="Id">The call id; null gives the official form <c>functions.NAME:INDEX</c>.</param>
public sealed record FakeToolCall(string Name, string Arguments, string? Id = null);
