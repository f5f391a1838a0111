namespace K2Verifier.Core.Tests.TestSupport.Http;

/// <summary>How the <see cref="ScriptedHandler"/> answers one call (or throws, as a broken connection would).</summary>
public delegate Task<HttpResponseMessage> ScriptedReply(ScriptedCall call, CancellationToken cancellationToken);
