using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Dataset;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.Preparation;

public sealed class RequestPreparerTests
{
    private const string Line = """{"messages":[{"role":"_input","content":"sys"},{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"search","parameters":{"type":"object"}}},{"type":"function","function":{"name":"noargs"}}],"temperature":0.3}""";

    [Fact]
    public void Prepare_InputRole_SentAsSystem()
    {
        var request = Prepare(new PreparationOptions());

        Assert.Equal("system", Field(request.RequestJson, "messages")[0].GetProperty("role").GetString());
    }

    [Fact]
    public void Prepare_Overrides_ReplaceModelTemperatureAndMaxTokens()
    {
        var request = Prepare(new PreparationOptions { Model = "m", Temperature = 1, MaxTokens = 64 });

        Assert.Contains("\"model\":\"m\"", request.RequestJson);
        Assert.Contains("\"temperature\":1.0", request.RequestJson);
        Assert.Contains("\"max_tokens\":64", request.RequestJson);
    }

    [Fact]
    public void Prepare_NoOverrides_KeepsDatasetValues()
    {
        var request = Prepare(new PreparationOptions());

        Assert.Contains("\"temperature\":0.3", request.RequestJson);
        Assert.DoesNotContain("\"model\"", request.RequestJson);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Prepare_WireBodyUtf8_IsTheWireBodysUtf8(bool extraBody)
    {
        var request = Prepare(new PreparationOptions { ExtraBody = extraBody ? new JsonObject { ["top_p"] = 0.9 } : null });

        Assert.Equal(System.Text.Encoding.UTF8.GetBytes(request.WireBodyJson), request.WireBodyUtf8.ToArray());
    }

    [Fact]
    public void WireBodyUtf8_CopyWithAnotherWireBody_HasNoStaleBytes()
    {
        var request = Prepare(new PreparationOptions());

        var copy = request with { WireBodyJson = """{"prompt":"x"}""", Stream = true };
        var sameBody = request with { Stream = true };

        Assert.True(copy.WireBodyUtf8.IsEmpty);
        Assert.False(sameBody.WireBodyUtf8.IsEmpty);
    }

    [Fact]
    public void Prepare_ExtraBody_OnTheWireOnly()
    {
        var request = Prepare(new PreparationOptions { ExtraBody = new JsonObject { ["top_p"] = 0.9, ["temperature"] = 0 } });

        Assert.DoesNotContain("top_p", request.RequestJson);
        Assert.Contains("\"top_p\":0.9", request.WireBodyJson);
        Assert.Contains("\"temperature\":0", request.WireBodyJson);
        Assert.Equal("""{"top_p":0.9,"temperature":0}""", request.ExtraBodyJson);
    }

    [Fact]
    public void Prepare_ExtraBodyDoesNotChangeTheHash()
    {
        var plain = Prepare(new PreparationOptions());
        var extra = Prepare(new PreparationOptions { ExtraBody = new JsonObject { ["top_p"] = 0.9 } });

        Assert.Equal(plain.Hash, extra.Hash);
    }

    [Fact]
    public void Prepare_Stream_AsksForUsage()
    {
        var record = DatasetReader.Parse(new SourceLocation("d", 1), """{"messages":[{"role":"user","content":"x"}],"stream":true,"stream_options":{"foo":1}}""");

        var request = new RequestPreparer(new PreparationOptions()).Prepare(record);

        Assert.True(request.Stream);
        Assert.Contains("\"stream_options\":{\"foo\":1,\"include_usage\":true}", request.RequestJson);
    }

    [Fact]
    public void Prepare_Tools_ReadInOrderWithSchemas()
    {
        var request = Prepare(new PreparationOptions());

        Assert.Equal(["search", "noargs"], request.Tools.Select(t => t.Name));
        Assert.NotNull(request.Tools[0].Parameters);
        Assert.Null(request.Tools[1].Parameters);
    }

    [Fact]
    public void Prepare_DoesNotMutateTheRecord()
    {
        var record = DatasetReader.Parse(new SourceLocation("d", 1), Line);

        new RequestPreparer(new PreparationOptions { Model = "m" }).Prepare(record);

        Assert.Equal("_input", record.Body!["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public void Prepare_NonAsciiText_StaysReadable()
    {
        var record = DatasetReader.Parse(new SourceLocation("d", 1), """{"messages":[{"role":"user","content":"你好 <b>"}]}""");

        var request = new RequestPreparer(new PreparationOptions()).Prepare(record);

        Assert.Contains("你好 <b>", request.RequestJson);
    }

    private static PreparedRequest Prepare(PreparationOptions options) =>
        new RequestPreparer(options).Prepare(DatasetReader.Parse(new SourceLocation("d.jsonl", 4), Line));

    private static JsonElement Field(string json, string name) => JsonDocument.Parse(json).RootElement.GetProperty(name);
}
