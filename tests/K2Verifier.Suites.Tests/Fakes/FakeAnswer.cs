namespace K2Verifier.Suites.Tests.Fakes;

/// <summary>What the probe fake answers to one request: an error status with a message, or a completion.</summary>
public sealed record FakeAnswer
{
    public int Status { get; init; } = 200;

    public string? Error { get; init; }

    public string? Content { get; init; }

    public IReadOnlyList<(string Name, string Arguments)> Calls { get; init; } = [];

    public int PromptTokens { get; init; } = 10;

    public static FakeAnswer Refuse(string message) => new() { Status = 400, Error = message };

    public static FakeAnswer Text(string content = "Hello.") => new() { Content = content };

    public static FakeAnswer Call(string name, string arguments = "{}") => new() { Calls = [(name, arguments)] };
}
