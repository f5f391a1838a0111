using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Dataset;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.Preparation;

public sealed class RequestPreparerParseOnceTests
{
    private const string Line = """{"messages":[{"role":"_input","content":"sys"},{"role":"user","content":"hi"}],"temperature":0.3}""";

    [Fact]
    public void Parse_ValidLine_KeepsTheParsedElement()
    {
        var record = DatasetReader.Parse(new SourceLocation("d", 1), Line);

        Assert.Equal(JsonValueKind.Object, record.Element.ValueKind);
        Assert.Equal(Line, record.Element.GetRawText());
    }

    [Fact]
    public void Prepare_RecordWithAndWithoutElement_SameRequest()
    {
        var preparer = new RequestPreparer(new PreparationOptions { Model = "m" });
        var parsed = preparer.Prepare(DatasetReader.Parse(new SourceLocation("d", 1), Line));

        var unparsed = preparer.Prepare(new DatasetRecord(new SourceLocation("d", 1), Line, null));

        Assert.Equal(parsed.RequestJson, unparsed.RequestJson);
        Assert.Equal(parsed.Hash, unparsed.Hash);
    }

    [Fact]
    public void Prepare_NoExtraBody_WireBodyIsTheParsedRequest()
    {
        var request = new RequestPreparer(new PreparationOptions { Model = "m" }).Prepare(DatasetReader.Parse(new SourceLocation("d", 1), Line));

        Assert.Equal(request.RequestJson, request.RequestBody.GetRawText());
        Assert.Equal(request.RequestJson, request.ParseWireBody().GetRawText());
    }

    [Fact]
    public void Prepare_ExtraBody_WireBodyParsedWithTheMergedFields()
    {
        var options = new PreparationOptions { Model = "m", ExtraBody = new JsonObject { ["top_k"] = 5 } };
        var request = new RequestPreparer(options).Prepare(DatasetReader.Parse(new SourceLocation("d", 1), Line));

        Assert.Equal(5, request.ParseWireBody().GetProperty("top_k").GetInt32());
        Assert.False(request.RequestBody.TryGetProperty("top_k", out _));
    }

    [Fact]
    public void Prepare_KeepsTheRequestAsUtf8_AndItsTextIsThoseBytes()
    {
        var request = new RequestPreparer(new PreparationOptions { Model = "m" }).Prepare(DatasetReader.Parse(new SourceLocation("d", 1), Line));

        Assert.False(request.RequestUtf8.IsEmpty);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(request.RequestUtf8.Span), request.RequestJson);
        Assert.Equal(request.RequestJson, request.WireBodyJson);

        var copy = request with { RequestJson = "{}" };
        Assert.True(copy.RequestUtf8.IsEmpty);
        Assert.Equal("{}", copy.RequestJson);
        Assert.Equal(request.RequestJson, copy.WireBodyJson);
    }

    [Fact]
    public void RequestBody_CopyWithAnotherRequestJson_IsUndefined()
    {
        var request = new RequestPreparer(new PreparationOptions()).Prepare(DatasetReader.Parse(new SourceLocation("d", 1), Line));

        var copy = request with { RequestJson = "{}", WireBodyJson = "{\"a\":1}" };

        Assert.Equal(JsonValueKind.Undefined, copy.RequestBody.ValueKind);
        Assert.Equal(1, copy.ParseWireBody().GetProperty("a").GetInt32());
    }
}
