namespace K2Verifier.Core.Tests.TestSupport.Http;

/// <summary>One request the <see cref="ScriptedHandler"/> received: its 1-based number, body, path and when (clock time).</summary>
public sealed record ScriptedCall(int Number, string Body, string Path, DateTimeOffset At, CancellationToken Aborted);
