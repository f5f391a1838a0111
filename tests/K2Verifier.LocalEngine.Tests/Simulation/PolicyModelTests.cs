using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Serving;
using K2Verifier.LocalEngine.Simulation;
using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.Preparation;

namespace K2Verifier.LocalEngine.Tests.Simulation;

public sealed class PolicyModelTests
{
    private static readonly ToolDeclaration Weather = new("get_weather", JsonDocument.Parse(
        """{"type":"object","required":["city","unit"],"properties":{"city":{"type":"string"},"unit":{"enum":["c","f"]}}}""").RootElement);

    private static readonly ExpectedLabel CallWeather = new("tool_calls", ["get_weather"]);

    // No noise, and a model that never opens the turn itself: every reaction below is the mechanical one.
    private static PolicyModel Model(bool enforcer) => new(seed: 0, enforcer) { NoiseRate = 0, SelfOpenRate = 0 };

    private static string Prompt(string history = "", bool opener = true) =>
        "<|im_system|>tool_declare<|im_middle|>[]<|im_end|><|im_user|>user<|im_middle|>Weather in Paris?<|im_end|>" + history
        + (opener ? PolicyModel.AssistantOpener : string.Empty);

    private static IReadOnlyList<ParsedToolCall> Calls(string completion, ParseMode mode = ParseMode.Lenient) =>
        KimiK2ToolCallFormat.Instance.Parse(completion, mode).Calls;

    [Fact]
    public void Complete_PromptWithoutAssistantOpener_ContinuesUserTextAndStops()
    {
        var completion = Model(enforcer: false).Complete(new PolicyInput(1, Prompt(opener: false), CallWeather, [Weather]));

        Assert.Equal(PolicyModel.ContinuationText, completion);
        Assert.Equal("stop", ServerResponse.Parse(completion, ParseMode.Strict, false).FinishReason);
    }

    [Fact]
    public void Complete_PromptWithOpener_CallsLabelledToolWithValidCanonicalCall()
    {
        var completion = Model(enforcer: true).Complete(new PolicyInput(1, Prompt(), CallWeather, [Weather]));

        var call = Assert.Single(Calls(completion, ParseMode.Strict));
        Assert.Equal("functions.get_weather:0", call.Id);
        Assert.Equal("""{"city":"example","unit":"c"}""", call.Arguments);
    }

    [Fact]
    public void Complete_PrintedPartsListInPrompt_NextCallLosesARequiredField()
    {
        var history = "<|im_assistant|>assistant<|im_middle|>" + PolicyModel.PrintedEmptyPartsList
            + "<|tool_calls_section_begin|><|tool_call_begin|>functions.get_weather:0<|tool_call_argument_begin|>{}<|tool_call_end|><|tool_calls_section_end|><|im_end|>";

        var completion = Model(enforcer: false).Complete(new PolicyInput(1, Prompt(history), CallWeather, [Weather]));

        var arguments = JsonNode.Parse(Assert.Single(Calls(completion)).Arguments)!.AsObject();
        Assert.False(arguments.ContainsKey("city"));
    }

    [Fact]
    public void Complete_PlainHistoryIds_EmitsPlainIdsThatTheStrictParserDrops()
    {
        var history = "<|im_assistant|>assistant<|im_middle|><|tool_calls_section_begin|><|tool_call_begin|>get_weather:0<|tool_call_argument_begin|>{}<|tool_call_end|><|tool_calls_section_end|><|im_end|>";

        var completion = Model(enforcer: false).Complete(new PolicyInput(1, Prompt(history), CallWeather, [Weather]));

        Assert.Equal("get_weather:1", Assert.Single(Calls(completion)).Id);
        Assert.Empty(Calls(completion, ParseMode.Strict));
        Assert.Equal("stop", ServerResponse.Parse(completion, ParseMode.Strict, false).FinishReason);
    }

    [Fact]
    public void Complete_UndeclaredToolInHistoryWithoutEnforcer_CallsIt()
    {
        var history = "<|im_assistant|>assistant<|im_middle|><|tool_calls_section_begin|><|tool_call_begin|>functions.send_email:0<|tool_call_argument_begin|>{}<|tool_call_end|><|tool_calls_section_end|><|im_end|>";
        var input = new PolicyInput(1, Prompt(history), CallWeather, [Weather]);

        var free = Calls(Model(enforcer: false).Complete(input));
        var enforced = Calls(Model(enforcer: true).Complete(input));

        Assert.Equal("send_email", Assert.Single(free).Name);
        Assert.Equal("get_weather", Assert.Single(enforced).Name);
    }

    [Fact]
    public void Complete_EnforcerWithToolChoiceNone_AnswersInText()
    {
        var completion = Model(enforcer: true).Complete(new PolicyInput(1, Prompt(), CallWeather, [Weather], "none"));

        Assert.Equal(PolicyModel.AnswerText, completion);
    }
}
