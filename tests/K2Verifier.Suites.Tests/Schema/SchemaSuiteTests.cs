using System.Text.Json.Nodes;
using K2Verifier.Suites.Probing;
using K2Verifier.Suites.Schema;
using K2Verifier.Suites.Tests.Fakes;
using K2Verifier.Validation;

namespace K2Verifier.Suites.Tests.Schema;

public sealed class SchemaSuiteTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-schema-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StreamAndNonStream_DeterministicFake_GiveTheSameStatuses()
    {
        var corpus = Corpus(
            """{"type":"object","properties":{"q":{"type":"string"}}}""",
            """{"name":"lookup","parameters":{"type":"object","properties":{"id":{"type":"integer"}},"required":["id"]}}""",
            """{"type":"object","properties":{"unit":{"type":"string","enum":["c","f"]}}}""",
            """{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"}}}""");
        await using var fake = await ProbeFakeServer.StartAsync(Deterministic);
        using var backend = fake.Backend();
        var suite = new SchemaSuite(corpus, "fake-model", JsonSchemaValidator.Default) { Reruns = 2 };

        var report = await new SuiteRunner(backend, TimeProvider.System).RunAsync(suite, new SuiteRunOptions { OutputDirectory = _directory, Concurrency = 4 }, CancellationToken.None);

        Assert.Equal(4 * 2 * 2, report.Rows.Count);
        foreach (var probe in report.Rows.GroupBy(r => r.Probe))
        {
            var byMode = probe.GroupBy(r => r.Mode).ToDictionary(g => g.Key, g => g.Select(r => r.Status).Distinct().Single());
            Assert.Equal(byMode["non-stream"], byMode["stream"]);
        }

        Assert.Equal(["invalid", "no_call", "rejected", "valid"], report.Rows.Select(r => r.Status).Distinct().Order());
        var invalid = report.Rows.First(r => r.Status == ProbeStatus.Invalid);
        Assert.Equal("schema_required", invalid.Reason);
        Assert.StartsWith("/:", invalid.Detail, StringComparison.Ordinal);
        Assert.Equal("schema-0002:lookup", invalid.Probe);
        Assert.False(report.RequiredFailed && report.Rows.All(r => r.Status == ProbeStatus.Rejected));
    }

    [Fact]
    public void Request_ForcesTheOnlyToolStrictly_UnlessNoStrict()
    {
        var corpus = Corpus("""{"type":"object","properties":{"q":{"type":"string"}}}""");

        var strict = new SchemaSuite(corpus, "m", JsonSchemaValidator.Default).Cases()[0].Body;
        var loose = new SchemaSuite(corpus, "m", JsonSchemaValidator.Default) { Strict = false }.Cases()[0].Body;

        Assert.Equal("tool_1", strict["tool_choice"]!["function"]!["name"]!.ToString());
        Assert.True(strict["tools"]![0]!["function"]!["strict"]!.GetValue<bool>());
        Assert.Null(loose["tools"]![0]!["function"]!["strict"]);
        Assert.Equal(6, new SchemaSuite(corpus, "m", JsonSchemaValidator.Default).Cases().Count);
    }

    [Fact]
    public void Features_NameTheConstructs()
    {
        var schema = JsonNode.Parse("""
            {"type":"object","$defs":{"p":{"type":"object","properties":{"x":{"type":"number","minimum":0}}}},
             "properties":{"items":{"type":"array","items":{"type":"object","properties":{"n":{"type":"string","maxLength":3}}}},
                           "at":{"anyOf":[{"$ref":"#/$defs/p"},{"type":"null"}]}},
             "required":["items"],"additionalProperties":false}
            """)!.AsObject();

        var features = SchemaFeatures.Of(schema);

        Assert.Equal(["nested_object", "array", "array_of_objects", "any_of", "ref", "numeric_bounds", "string_length", "additional_properties_false", "required"], features);
    }

    [Fact]
    public void Unsatisfiable_RequiredEnumOfAnotherType_IsInformational()
    {
        var corpus = Corpus("""{"type":"object","properties":{"n":{"type":"integer","enum":["1","2"]}},"required":["n"]}""");

        var probe = new SchemaSuite(corpus, "m", JsonSchemaValidator.Default).Cases()[0];

        Assert.False(probe.Required);
        Assert.Contains("\"n\"", corpus[0].Unsatisfiable, StringComparison.Ordinal);
    }

    [Fact]
    public void FromFile_LineNotAnObject_NamesFileAndLine()
    {
        var path = Path.Combine(_directory, "schemas.jsonl");
        File.WriteAllLines(path, ["""{"type":"object"}""", "[1, 2]"]);

        var error = Assert.Throws<FormatException>(() => SchemaCorpus.FromFile(path));

        Assert.StartsWith($"{path}:2:", error.Message, StringComparison.Ordinal);
    }

    private IReadOnlyList<SchemaEntry> Corpus(params string[] lines)
    {
        var path = Path.Combine(_directory, $"corpus-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return SchemaCorpus.FromFile(path);
    }

    // Same answer for the same schema, whatever the mode: 400 for patterns, no call for enums, {} otherwise.
    private static FakeAnswer Deterministic(JsonObject body)
    {
        var function = body["tools"]![0]!["function"]!;
        var schema = function["parameters"]!.ToJsonString();
        return schema.Contains("\"pattern\"", StringComparison.Ordinal) ? FakeAnswer.Refuse("pattern is not supported by this decoder")
            : schema.Contains("\"enum\"", StringComparison.Ordinal) ? FakeAnswer.Text("I cannot call that.")
            : FakeAnswer.Call(function["name"]!.ToString());
    }
}
