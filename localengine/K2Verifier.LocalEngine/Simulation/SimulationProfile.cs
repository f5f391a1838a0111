using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// A simulated deployment: which faults it injects and at which layer of render → complete → parse. The model
/// (<see cref="PolicyModel"/>) is the same in every profile; only what surrounds it differs.
/// </summary>
public sealed record SimulationProfile
{
    /// <summary>The profile's name (<c>reference</c>, <c>vllm-0.11.0</c>, …).</summary>
    public required string Name { get; init; }

    /// <summary>One line for help and reports.</summary>
    public required string Description { get; init; }

    /// <summary>Render: <c>add_generation_prompt</c> is dropped before the template runs (vLLM bug #1).</summary>
    public bool DropGenerationPrompt { get; init; }

    /// <summary>Render: <c>content: ""</c> is promoted to <c>[{"type":"text","text":""}]</c> and the template prints non-string content as is (vLLM bug #2).</summary>
    public bool PromoteEmptyContent { get; init; }

    /// <summary>Parse: the server's tool-call parser mode; strict drops calls whose id is not <c>functions.NAME:IDX</c> (vLLM bug #3).</summary>
    public ParseMode ParserMode { get; init; } = ParseMode.Lenient;

    /// <summary>Complete: constrained decoding to declared tools, schema-valid arguments, canonical ids and <c>tool_choice</c>.</summary>
    public bool Enforcer { get; init; } = true;

    /// <summary>Complete: the share of calls whose arguments lose a required field or change a type.</summary>
    public double ArgumentDriftRate { get; init; }

    /// <summary>Complete: a server-side cap on generated tokens (estimated); longer completions stop with <c>length</c>, cut.</summary>
    public int? GenerationTokenCap { get; init; }

    /// <summary>Parse: the server's parser puts the text before the first call, <c>&lt;|tool_calls_section_begin|&gt;</c> included, into <c>content</c> (vLLM before PR #28543).</summary>
    public bool LeakSectionBegin { get; init; }

    /// <summary>Serve: appended to a <c>stop</c> finish_reason (ROCm/ATOM's <c>stop_163586</c>, ATOM #1727); null for none.</summary>
    public string? StopReasonSuffix { get; init; }

    /// <summary>Complete: the model emits EOS before the last <c>&lt;|tool_call_end|&gt;</c>; the server reports <c>stop</c> and returns the text (SGLang, K2VV #12).</summary>
    public bool EarlyEosInCall { get; init; }

    /// <summary>Transport: per-attempt probabilities of 429 (with Retry-After), 5xx and connection resets.</summary>
    public TransportFaultRates? TransportFaults { get; init; }

    /// <summary>Transport: latency and time to first token are drawn from a log-normal distribution and waited for.</summary>
    public bool Slow { get; init; }

    /// <summary>The correct pipeline, as the official API serves it.</summary>
    public static SimulationProfile Reference { get; } = new() { Name = "reference", Description = "the correct pipeline (official API): generation prompt, text parts, lenient parser, Enforcer" };

    /// <summary>vLLM 0.11.0 serving Kimi K2 before the fixes: the three integration bugs and no Enforcer.</summary>
    public static SimulationProfile Vllm0110 { get; } = new()
    {
        Name = "vllm-0.11.0",
        Description = "add_generation_prompt dropped, content \"\" promoted to a printed parts list, strict id parser, no Enforcer",
        DropGenerationPrompt = true,
        PromoteEmptyContent = true,
        ParserMode = ParseMode.Strict,
        Enforcer = false,
    };

    /// <summary>Every profile, in help order.</summary>
    public static IReadOnlyList<SimulationProfile> All { get; } =
    [
        Reference,
        Vllm0110,
        Reference with { Name = "schema-drift", Description = "arguments lose required fields or change types (no Enforcer)", Enforcer = false, ArgumentDriftRate = 0.3 },
        Reference with { Name = "truncating", Description = "generation capped at 48 tokens: long calls stop mid-call with finish length", GenerationTokenCap = 48 },
        Reference with { Name = "leaking-parser", Description = "the parser leaks <|tool_calls_section_begin|> into content on every tool-call answer (vLLM before PR #28543)", LeakSectionBegin = true },
        Reference with { Name = "nonstandard-finish", Description = "finish_reason stop sent as \"stop_163586\" (ROCm/ATOM #1727)", StopReasonSuffix = "_163586" },
        Reference with { Name = "early-eos", Description = "EOS before <|tool_call_end|>: calls arrive as raw text in content with finish stop (SGLang, K2VV #12)", EarlyEosInCall = true },
        Reference with { Name = "flaky", Description = "429 with Retry-After, 5xx and connection resets, deterministic by seed", TransportFaults = new TransportFaultRates(0.08, 0.04, 0.02) },
        Reference with { Name = "slow", Description = "latency and time to first token drawn from a log-normal distribution (median 0.8 s)", Slow = true },
    ];

    /// <summary>The profile names.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The profile called <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">No profile has that name.</exception>
    public static SimulationProfile Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown simulator profile \"{name}\" (known: {string.Join(", ", Names)})", nameof(name));
}

/// <summary>Per-attempt fault probabilities of a flaky transport.</summary>
/// <param name="RateLimited">429 with a Retry-After header.</param>
/// <param name="ServerError">503.</param>
/// <param name="Reset">The connection is reset before a response.</param>
public sealed record TransportFaultRates(double RateLimited, double ServerError, double Reset);
