using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using K2Verifier.LocalEngine.ToolCallFormats;

namespace K2Verifier.LocalEngine.Simulation;

/// <summary>
/// Stands in for the model: no neural network, a deterministic policy that reads the rendered prompt and writes a
/// completion in Kimi K2's native format. Whether and which tools to call come from the expected label, flipped by
/// seeded noise (<see cref="NoiseRate"/> each way). Its reactions to a broken prompt are mechanical:
/// a prompt that does not end in the assistant opener is mostly continued as the previous turn's text (ends in
/// <c>stop</c>); a printed parts list in the prompt degrades the arguments of the call that follows (a required field
/// is lost); historical ids in the <c>NAME:IDX</c> style make it write ids in that style. With an Enforcer, output is
/// constrained to declared tools, schema-valid arguments, canonical ids and <c>tool_choice</c>.
/// </summary>
public sealed partial class PolicyModel
{
    /// <summary>The assistant turn opener of Kimi K2's template.</summary>
    public const string AssistantOpener = "<|im_assistant|>assistant<|im_middle|>";

    /// <summary>How a template written for strings prints <c>[{"type":"text","text":""}]</c>.</summary>
    public const string PrintedEmptyPartsList = "[{'type': 'text', 'text': ''}]";

    /// <summary>What the model writes when it continues the previous (user) turn instead of answering.</summary>
    public const string ContinuationText = " Could you also explain each step in more detail, and keep the answer short?";

    /// <summary>What the model writes when it answers without calling a tool.</summary>
    public const string AnswerText = "Here is my answer; no tool call is needed for this.";

    private readonly long _seed;
    private readonly bool _enforcer;
    private readonly double _driftRate;

    /// <summary>Creates the policy.</summary>
    /// <param name="seed">Seeds every draw (with the data_index).</param>
    /// <param name="enforcer">Constrained decoding: declared tools, valid arguments, canonical ids, <c>tool_choice</c>.</param>
    /// <param name="argumentDriftRate">The share of calls whose arguments lose a required field or change a type.</param>
    public PolicyModel(long seed, bool enforcer, double argumentDriftRate = 0)
    {
        _seed = seed;
        _enforcer = enforcer;
        _driftRate = argumentDriftRate;
    }

    /// <summary>The share of requests whose call/no-call decision disagrees with the label, each way.</summary>
    public double NoiseRate { get; init; } = 0.03;

    /// <summary>The share of prompts without an assistant opener after which the model opens the turn itself.</summary>
    public double SelfOpenRate { get; init; } = 0.2;

    /// <summary>Writes the completion for <paramref name="input"/>.</summary>
    public string Complete(PolicyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var opened = input.Prompt.EndsWith(AssistantOpener, StringComparison.Ordinal);
        if (!opened && Draw(input, "self-open") >= SelfOpenRate)
        {
            return ContinuationText;
        }

        var wantsCall = input.Label.IsToolCall ^ (Draw(input, "noise") < NoiseRate);
        if (_enforcer)
        {
            wantsCall = input.ToolChoice switch
            {
                "none" => false,
                "auto" => wantsCall,
                _ => input.Tools.Count > 0,
            };
        }

        var history = HistoryIds().Matches(input.Prompt).Select(m => m.Groups["id"].Value).ToList();
        var names = wantsCall ? ChooseTools(input, history) : [];
        if (names.Count == 0)
        {
            return AnswerText;
        }

        var degraded = !_enforcer && input.Prompt.Contains(PrintedEmptyPartsList, StringComparison.Ordinal);
        var plainIds = !_enforcer && history.Count > 0 && PlainId().IsMatch(history[^1]);
        var calls = new List<ParsedToolCall>();
        for (var i = 0; i < names.Count; i++)
        {
            var declared = input.Tools.FirstOrDefault(t => t.Name == names[i]);
            var arguments = declared is null ? new JsonObject() : SchemaInstanceGenerator.Generate(declared.Parameters) as JsonObject ?? [];
            if (degraded && i == 0)
            {
                ArgumentFaults.DropRequired(arguments, declared);
            }

            if (!_enforcer && Draw(input, "drift", i) < _driftRate)
            {
                ArgumentFaults.Drift(arguments, declared, Draw(input, "drift-kind", i) < 0.5);
            }

            var index = (history.Count + i).ToString(CultureInfo.InvariantCulture);
            var id = plainIds ? $"{names[i]}:{index}" : $"functions.{names[i]}:{index}";
            calls.Add(new ParsedToolCall(id, names[i], arguments.ToJsonString()));
        }

        return KimiK2ToolCallFormat.Instance.Render(calls);
    }

    private List<string> ChooseTools(PolicyInput input, List<string> history)
    {
        var declared = input.Tools.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var names = input.Label.Calls.Where(n => !_enforcer || declared.Contains(n)).ToList();
        if (_enforcer && input.ToolChoice is not ("auto" or "none" or "required") && declared.Contains(input.ToolChoice))
        {
            names = [input.ToolChoice];
        }

        if (names.Count == 0 && input.Tools.Count > 0)
        {
            names.Add(input.Tools[(int)(Draw(input, "pick") * input.Tools.Count)].Name);
        }

        if (!_enforcer)
        {
            // Without constrained decoding the model repeats a tool it saw used in the conversation, declared or not.
            var undeclared = history
                .Select(id => KimiK2ToolCallFormat.FunctionName(id, ParseMode.Lenient))
                .FirstOrDefault(n => !string.IsNullOrEmpty(n) && !declared.Contains(n));
            if (undeclared is not null)
            {
                if (names.Count == 0)
                {
                    names.Add(undeclared);
                }
                else
                {
                    names[0] = undeclared;
                }
            }
        }

        return names;
    }

    private double Draw(PolicyInput input, string purpose, int salt = 0) => SimulationRandom.Uniform(_seed, input.DataIndex, purpose, salt);

    [GeneratedRegex(@"<\|tool_call_begin\|>(?<id>.*?)<\|tool_call_argument_begin\|>", RegexOptions.Singleline)]
    private static partial Regex HistoryIds();

    [GeneratedRegex(@"^[A-Za-z_][\w\-]*:\d+$")]
    private static partial Regex PlainId();
}
