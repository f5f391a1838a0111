using System.Text.Json;
using K2Verifier.Json;

namespace K2Verifier.Core.Tests.Json;

public sealed class JsonTextTests
{
    // Quote and StringElement replace JsonSerializer's reflection-based string overloads (not available ahead of time):
    // the text they make must be the one those made, byte for byte, escapes included.
    public static TheoryData<string> Strings => new()
    {
        string.Empty,
        "get_weather",
        "quote \" backslash \\ slash /",
        "control \n \t \r \u0001 \u001f",
        "html < > & ' + `",
        "中文工具 café",
        "emoji 🌤 and a zero-width joiner \u200d",
        "line separator \u2028 and paragraph \u2029",
    };

    [Theory]
    [MemberData(nameof(Strings))]
    public void Quote_Default_AsJsonSerializerWritesIt(string value) =>
        Assert.Equal(JsonSerializer.Serialize(value), JsonText.Quote(value));

    [Theory]
    [MemberData(nameof(Strings))]
    public void Quote_Readable_AsJsonSerializerWritesItWithTheCompactOptions(string value) =>
        Assert.Equal(JsonSerializer.Serialize(value, JsonText.Compact), JsonText.Quote(value, readable: true));

    [Theory]
    [MemberData(nameof(Strings))]
    public void StringElement_HoldsTheString_RawTextAsJsonSerializerWritesIt(string value)
    {
        var element = JsonText.StringElement(value);

        Assert.Equal(JsonValueKind.String, element.ValueKind);
        Assert.Equal(value, element.GetString());
        Assert.Equal(JsonSerializer.SerializeToElement(value).GetRawText(), element.GetRawText());
    }
}
