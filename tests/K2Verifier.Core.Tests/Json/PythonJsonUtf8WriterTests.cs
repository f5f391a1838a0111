using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Dataset;
using K2Verifier.Json;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.Json;

/// <summary>The UTF-8 writer behind the request hash, against the string-based serialiser it replaced and against Python.</summary>
public sealed class PythonJsonUtf8WriterTests
{
    /// <summary>Edge cases, one JSON document per entry (each also checked against Python's json.dumps).</summary>
    public static readonly string[] EdgeCases =
    [
        """{"b":1,"a":[1,2.50,{"z":null,"y":true}],"c":"x"}""",
        "\"你好 \\u00e9 \\n \\t \\r \\b \\f \\u0001 \\u001f \\\" \\\\ \\/ \\u007f \\u2028 \\ud83d\\ude00\"",
        "\"raw non-ASCII: é ß 中文 😀 and an escaped pair \\uD83D\\uDE00\"",
        """{"😀":1,"\uffff":2,"a":3,"é":4,"Z":5,"":6}""",
        """{"\u00e9":1,"e\u0301":2,"\ud83d\ude00":3,"\uffff":4}""",
        """{"a":1,"a":2,"b":{"c":1,"c":[3]},"a":3}""",
        """{"k\"ey":1,"k\\ey":2,"k\ney":3,"key":4}""",
        "[1e2, 1E-5, -0, 0, -0.0, 12345678901234567890, -12345678901234567890123, 0.1, 1.5e300, 1E400, -1E400, 5e-324, 100.0]",
        "[[], {}, [[]], [{}], {\"a\":{}}, \"\", true, false, null]",
        """{"z":0,"y":1,"x":2,"w":3,"v":4,"u":5,"t":6,"s":7,"r":8,"q":9,"p":10,"o":11,"n":12,"m":13,"l":14,"k":15,"j":16,"i":17,"h":18,"g":19,"f":20,"e":21,"d":22,"c":23,"b":24,"a":25,"b":26,"zz":27,"aa":28}""",
        """{"messages":[{"role":"user","content":"He said \"hi\"\nthen left\t."}],"tools":[{"type":"function","function":{"name":"f","parameters":{"type":"object","properties":{"x":{"type":"number","minimum":-1.5}}}}}]}""",
        "42",
        "\"\"",
    ];

    public static TheoryData<int> EdgeCaseIndexes => [.. Enumerable.Range(0, EdgeCases.Length)];

    public static TheoryData<string> SharedDatasets =>
    [
        "datasets/bfcl/samples.jsonl",
        "datasets/k2vv-public/samples.jsonl",
        "datasets/k2vv-public/medium.jsonl",
    ];

    [Theory]
    [MemberData(nameof(EdgeCaseIndexes))]
    public void Dumps_EdgeCase_SameAsStringSerializer(int index)
    {
        using var document = JsonDocument.Parse(EdgeCases[index]);

        var text = PythonJson.Dumps(document.RootElement);

        Assert.Equal(StringPythonJsonReference.Dumps(document.RootElement), text);
    }

    [Theory]
    [MemberData(nameof(EdgeCaseIndexes))]
    public void Md5Hex_EdgeCase_IsMd5OfTheStringSerializersUtf8(int index)
    {
        using var document = JsonDocument.Parse(EdgeCases[index]);

        var hash = PythonJson.Md5Hex(document.RootElement);

        Assert.Equal(ReferenceMd5(document.RootElement), hash);
    }

    [Fact]
    public void Dumps_LargeObject_SortsKeysAndKeepsLastDuplicate()
    {
        var keys = Enumerable.Range(0, 200).Select(i => $"k{(i * 7919) % 200:000}").ToList();
        var json = "{" + string.Join(",", keys.Select((k, i) => $"\"{k}\":{i}")) + ",\"k005\":\"last\"}";
        using var document = JsonDocument.Parse(json);

        var text = PythonJson.Dumps(document.RootElement);

        Assert.Equal(StringPythonJsonReference.Dumps(document.RootElement), text);
        Assert.StartsWith("{\"k000\": ", text, StringComparison.Ordinal);
        Assert.Contains("\"k005\": \"last\", \"k006\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"x \\udc00 y\"")]
    [InlineData("{\"\\ud800\":1}")]
    public void Dumps_LoneSurrogateEscape_FailsLikeTheStringSerializer(string json)
    {
        using var document = JsonDocument.Parse(json);

        var expected = Record.Exception(() => StringPythonJsonReference.Dumps(document.RootElement));
        var actual = Record.Exception(() => PythonJson.Dumps(document.RootElement));

        Assert.NotNull(expected);
        Assert.IsType(expected.GetType(), actual);
    }

    [Theory]
    [MemberData(nameof(SharedDatasets))]
    public async Task Dumps_EverySharedDatasetLine_SameAsStringSerializer(string dataset)
    {
        var path = Repository.Shared(dataset.Split('/'));
        Assert.True(File.Exists(path), $"missing shared dataset {path}");
        var compared = 0;
        await foreach (var record in DatasetReader.ReadAsync(path))
        {
            using var original = JsonDocument.Parse(record.Json!);
            using var prepared = JsonDocument.Parse(new RequestPreparer(new PreparationOptions { Model = "m", Temperature = 0.6 }).Prepare(record).RequestJson);
            foreach (var root in new[] { original.RootElement, prepared.RootElement })
            {
                Assert.Equal(StringPythonJsonReference.Dumps(root), PythonJson.Dumps(root));
                Assert.Equal(ReferenceMd5(root), PythonJson.Md5Hex(root));
                compared++;
            }
        }

        Assert.True(compared > 0, $"no lines in {path}");
    }

    [PythonTheory]
    [MemberData(nameof(EdgeCaseIndexes))]
    public void Dumps_EdgeCase_MatchesPythonJsonDumps(int index)
    {
        const string Script = """
import json, sys
print(json.dumps(json.loads(sys.stdin.read()), sort_keys=True, ensure_ascii=False))
""";
        using var document = JsonDocument.Parse(EdgeCases[index]);

        var python = PythonOracle.Run(Script, EdgeCases[index]).TrimEnd('\n');

        Assert.Equal(python, PythonJson.Dumps(document.RootElement));
    }

#pragma warning disable CA5351 // md5 is K2VV's row identity, as in production.
    private static string ReferenceMd5(JsonElement value) =>
        Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(StringPythonJsonReference.Dumps(value))));
#pragma warning restore CA5351
}
