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

    [Fact]
    public async Task ReadAsync_Utf16File_IsDecoded()
    {
        var path = TempFile.Write(string.Empty);
        await File.WriteAllTextAsync(path, "{\"messages\":[{\"role\":\"user\",\"content\":\"é\"}]}\n", System.Text.Encoding.Unicode);

        var records = await ReadAllAsync(path);

        Assert.True(Assert.Single(records).IsValid);
        Assert.Equal("é", records[0].Element.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task ReadAsync_InvalidUtf8_ReadsAsReplacementCharacters_AndUnicodeSpaceLinesAreBlank()
    {
        var path = TempFile.Write(string.Empty);
        var line = System.Text.Encoding.UTF8.GetBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"a?b\"}]}");
        line[Array.IndexOf(line, (byte)'?')] = 0xFF;
        await File.WriteAllBytesAsync(path, [.. System.Text.Encoding.UTF8.GetBytes("\u00A0\u3000\n"), .. line, (byte)'\n']);

        var records = await ReadAllAsync(path);

        var record = Assert.Single(records);
        Assert.Equal(2, record.DataIndex);
        Assert.Equal("a\uFFFDb", record.Element.GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task ReadAsync_RecordJson_IsTheLineText()
    {
        var path = TempFile.Write("  {\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}  \r\n");

        var record = Assert.Single(await ReadAllAsync(path));

        Assert.Equal("{\"messages\":[{\"role\":\"user\",\"content\":\"a\"}]}", record.Json);
        Assert.Equal("a", record.Body!["messages"]![0]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadTransientAsync_SameRecordsAsReadAsync_EachValidUntilTheNext()
    {
        var path = TempFile.Write("""
            {"messages":[{"role":"user","content":"a"}]}
            garbage
            [1]

            {"messages":[{"role":"user","content":"d"}]}
            """);
        var expected = await ReadAllAsync(path);

        var seen = new List<(int Line, string? Problem, string? Content)>();
        DatasetRecord? previous = null;
        await foreach (var record in DatasetReader.ReadTransientAsync(path))
        {
            if (previous is { IsValid: true })
            {
                Assert.Throws<ObjectDisposedException>(() => previous.Element.GetProperty("messages"));
            }

            seen.Add((record.DataIndex, record.Problem, record.IsValid ? record.Element.GetProperty("messages")[0].GetProperty("content").GetString() : null));
            previous = record;
        }

        Assert.Equal(expected.Select(r => (r.DataIndex, r.Problem, r.IsValid ? r.Element.GetProperty("messages")[0].GetProperty("content").GetString() : null)), seen);
        Assert.Equal([1, 2, 3, 5], seen.Select(s => s.Line));
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
