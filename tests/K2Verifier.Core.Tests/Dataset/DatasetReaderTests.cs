using K2Verifier.Dataset;

namespace K2Verifier.Core.Tests.Dataset;

public sealed class DatasetReaderTests
{
    [Fact]
    public async Task ReadAsync_BlankLines_KeepPhysicalLineNumbers()
    {
        var path = TempFile.Write("""
            {"messages":[{"role":"user","content":"a"}]}

            {"messages":[{"role":"user","content":"b"}]}
            """);

        var records = await ReadAllAsync(path);

        Assert.Equal([1, 3], records.Select(r => r.DataIndex));
        Assert.All(records, r => Assert.True(r.IsValid));
    }

    [Theory]
    [InlineData("{not json", "column 2: not JSON")]
    [InlineData("[1,2]", "$: expected a JSON object, found array")]
    [InlineData("""{"model":"x"}""", "$.messages: missing")]
    [InlineData("""{"messages":{}}""", "$.messages: expected an array, found object")]
    [InlineData("""{"messages":[]}""", "$.messages: empty")]
    [InlineData("""{"messages":[{"content":"hi"}]}""", "$.messages[0].role: missing or not a string")]
    [InlineData("""{"messages":[{"role":"user"}],"tools":{}}""", "$.tools: expected an array, found object")]
    [InlineData("""{"messages":[{"role":"user"}],"tools":[{"type":"function"}]}""", "$.tools[0].function: missing or not an object")]
    [InlineData("""{"messages":[{"role":"user"}],"tools":[{"function":{"name":3}}]}""", "$.tools[0].function.name: missing or not a string")]
    [InlineData("""{"messages":[{"role":"user"}],"tools":[{"function":{"name":"f","parameters":"x"}}]}""", "$.tools[0].function.parameters: expected an object")]
    public void Parse_BadLine_NamesTheField(string line, string expected)
    {
        var record = DatasetReader.Parse(new SourceLocation("data.jsonl", 7), line);

        Assert.False(record.IsValid);
        Assert.StartsWith(expected, record.Problem);
        Assert.StartsWith("data.jsonl:7: ", record.Describe());
    }

    [Fact]
    public void Parse_LongBadLine_SnippetIsBounded()
    {
        var line = "{\"messages\": [" + new string('x', 500);

        var record = DatasetReader.Parse(new SourceLocation("d.jsonl", 1), line);

        Assert.True(record.Problem!.Length < 250, record.Problem);
    }

    [Fact]
    public async Task ReadAsync_OneBadLine_OthersStillRead()
    {
        var path = TempFile.Write("""
            {"messages":[{"role":"user","content":"a"}]}
            garbage
            {"messages":[{"role":"user","content":"c"}]}
            """);

        var records = await ReadAllAsync(path);

        Assert.Equal([true, false, true], records.Select(r => r.IsValid));
    }

    private static async Task<List<DatasetRecord>> ReadAllAsync(string path)
    {
        var list = new List<DatasetRecord>();
        await foreach (var record in DatasetReader.ReadAsync(path))
        {
            list.Add(record);
        }

        return list;
    }
}
