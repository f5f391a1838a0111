using System.Text.Json.Nodes;
using K2Verifier.LocalEngine.Serving;

namespace K2Verifier.LocalEngine.Tests.Serving;

public sealed class ChatRequestSettingsTests
{
    [Fact]
    public void Read_FullBody_ReadsEverySetting()
    {
        var body = JsonNode.Parse("""{"max_tokens": 64, "temperature": 0, "top_p": 0.9, "seed": 7, "stream": true}""")!.AsObject();

        Assert.Equal(new ChatRequestSettings(64, 0, 0.9, 7, true), ChatRequestSettings.Read(body));
    }

    [Fact]
    public void Read_MaxCompletionTokensAndWrongTypes_FallBackOrCountAsAbsent()
    {
        var body = JsonNode.Parse("""{"max_completion_tokens": 32, "temperature": "hot", "seed": 1.5, "stream": "yes"}""")!.AsObject();

        Assert.Equal(new ChatRequestSettings(32, null, null, null, false), ChatRequestSettings.Read(body));
    }
}
