using System.Text.Json;
using System.Text.Json.Nodes;
using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Json;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.Preparation;

/// <summary>The request identity, hashed from the request's parts, against the identity object built and serialised whole.</summary>
public sealed class RequestIdentityTests
{
    public static TheoryData<string> EdgeCases => new()
    {
        """{"messages":[{"role":"user","content":"caf\u00e9 \"q\" \\ \n ☃ 😀"}],"stream":true,"model":"m","temperature":0.6}""",
        """{"messages":[{"role":"user","content":"x"}],"stream":false,"tool_choice":null,"tools":null}""",
        """{"messages":[{"role":"_input","content":"sys"},{"role":"user","content":"x"}],"tool_choice":"auto"}""",
        """{"messages":"not an array","tools":[{"type":"function","function":{"name":"f","parameters":{"b":1,"a":[1.0,2e-5,10]}}}]}""",
        """{"messages":[{"role":"user","content":"x"}],"tool_choice":{"type":"function","function":{"name":"f"}}}""",
        """{"model":"only"}""",
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Of_EdgeCase_EqualsTheWholeIdentityObject(string request) =>
        Assert.Equal(Reference(request), RequestIdentity.Of(JsonElement.Parse(request)));

    [Theory]
    [InlineData("datasets/bfcl/samples.jsonl")]
    [InlineData("datasets/k2vv-public/samples.jsonl")]
    public void Of_EveryDatasetLine_EqualsTheWholeIdentityObject(string dataset)
    {
        var lines = DatasetLines(dataset);

        var mismatches = lines.Where(l => Reference(l) != RequestIdentity.Of(JsonElement.Parse(l))).Count();

        Assert.NotEmpty(lines);
        Assert.Equal(0, mismatches);
    }

    [Theory]
    [MemberData(nameof(EdgeCases))]
    [InlineData("""{"messages":[{"role":"user","content":"x"}],"tools":[1],"tools":[{"type":"function"}],"stream":true,"stream":false}""")]
    [InlineData("""{"z":{"messages":[]},"messages":[{"role":"user","content":"a"}],"a":{"tools":[2]}}""")]
    public void HashAndIdentity_EdgeCase_AreTheHashAndTheIdentity(string request)
    {
        var element = JsonElement.Parse(request);

        Assert.Equal((PythonJson.Md5Hex(element), RequestIdentity.Of(element)), RequestIdentity.HashAndIdentity(element));
    }

    [Theory]
    [InlineData("datasets/bfcl/samples.jsonl")]
    [InlineData("datasets/k2vv-public/samples.jsonl")]
    public void HashAndIdentity_EveryDatasetLine_AreTheHashAndTheIdentity(string dataset)
    {
        var lines = DatasetLines(dataset);

        var mismatches = lines.Select(l => JsonElement.Parse(l)).Count(e => RequestIdentity.HashAndIdentity(e) != (PythonJson.Md5Hex(e), RequestIdentity.Of(e)));

        Assert.NotEmpty(lines);
        Assert.Equal(0, mismatches);
    }

    /// <summary>The non-empty lines of a shared dataset (which must be there).</summary>
    private static List<string> DatasetLines(string dataset)
    {
        var path = Repository.Shared(dataset.Split('/'));
        Assert.True(File.Exists(path), $"missing shared dataset {path}");
        return [.. File.ReadLines(path).Where(l => l.Length > 0)];
    }

    /// <summary>The identity object written whole (messages with _input as system, tools, tool_choice, stream) and hashed.</summary>
    private static string Reference(string request)
    {
        var source = JsonNode.Parse(request)!.AsObject();
        var identity = new JsonObject();
        if (source["messages"] is { } messages)
        {
            var copy = messages.DeepClone();
            if (copy is JsonArray array)
            {
                foreach (var message in array.OfType<JsonObject>().Where(m => m["role"]?.GetValueKind() == JsonValueKind.String && (string?)m["role"] == "_input"))
                {
                    message["role"] = "system";
                }
            }

            identity["messages"] = copy;
        }

        foreach (var field in new[] { "tools", "tool_choice" })
        {
            if (source[field] is { } value)
            {
                identity[field] = value.DeepClone();
            }
        }

        if (source["stream"]?.GetValueKind() == JsonValueKind.True)
        {
            identity["stream"] = true;
        }

        return PythonJson.Md5Hex(JsonElement.Parse(identity.ToJsonString()));
    }
}
