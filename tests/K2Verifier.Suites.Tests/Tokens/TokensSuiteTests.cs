using System.Text.Json.Nodes;
using K2Verifier.Suites.Probing;
using K2Verifier.Suites.Tests.Fakes;
using K2Verifier.Suites.Tests.TestSupport;
using K2Verifier.Suites.Tokens;
using K2Verifier.Templates;

namespace K2Verifier.Suites.Tests.Tokens;

public sealed class TokensSuiteTests : IDisposable
{
    private static readonly string[] Requests =
    [
        """{"model":"x","messages":[{"role":"user","content":"Hello, my dog is cute. 12345 naïve café"}]}""",
        """{"model":"x","messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"北京今天天气怎么样？"}],"tools":[{"type":"function","function":{"name":"get_weather","description":"Weather.","parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}]}""",
        """{"model":"x","messages":[{"role":"user","content":"Search  it\n\n  twice   please"},{"role":"assistant","content":"","tool_calls":[{"id":"functions.search:0","type":"function","function":{"name":"search","arguments":"{\"q\": \"it\"}"}}]},{"role":"tool","tool_call_id":"functions.search:0","content":"found 3 results"}],"tools":[{"type":"function","function":{"name":"search","description":"Search.","parameters":{"type":"object","properties":{"q":{"type":"string"}}}}}]}""",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-tokens-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string> Models => new() { "qwen3", "deepseek_v3", "llama3" };

    [Theory]
    [MemberData(nameof(Models))]
    public async Task ReferenceTokenizer_CorrectFake_EveryRequestInWindow(string model)
    {
        var (report, _) = await RunAgainstReferenceAsync(model, dropGenerationPrompt: false);

        Assert.All(report.Rows, row => Assert.True(row.Passed, $"{row.Probe}: expected {row.Expected}, got {row.Got}: {row.Detail}"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task ReferenceTokenizer_FakeWithoutGenerationPrompt_NamesBug1(string model)
    {
        var (report, suite) = await RunAgainstReferenceAsync(model, dropGenerationPrompt: true);

        // Llama 3's template always writes the opener, and DeepSeek-V3's writes none after a tool turn: where the
        // opener has no tokens, dropping it changes nothing and the request must pass.
        var opener = suite.Cases().ToDictionary(c => c.Probe, c => ((TokenExpectation)c.Context!).OpenerTokens);
        Assert.All(report.Rows, row =>
        {
            Assert.Equal(opener[row.Probe] == 0, row.Passed);
            if (opener[row.Probe] > 0)
            {
                Assert.Equal("bug1_generation_prompt", row.Reason);
                Assert.Contains($"generation-prompt opener ({opener[row.Probe]} tokens)", row.Detail, StringComparison.Ordinal);
            }
        });
    }

    [Fact]
    public async Task TiktokenFileBuiltHere_CountsAndNamesBothBugs()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_directory, "tiktoken")).FullName;
        TiktokenFile.Write(Path.Combine(folder, "tiktoken.model"), Path.Combine(folder, "tokenizer_config.json"));
        var tokenizer = PromptTokenizer.Load(folder);
        var template = ChatTemplate.FromText(
            "{% for m in messages %}<|im_user|>{{ m.content }}<|im_end|>{% endfor %}{% if add_generation_prompt %}<|im_assistant|>{% endif %}", "tiny");
        Assert.Equal(3, tokenizer.Count("hello hello"));
        Assert.Equal(6, tokenizer.Count("<|im_user|>hello hello<|im_end|><|im_assistant|>"));

        var dataset = Dataset(
            """{"messages":[{"role":"user","content":"hello hello"}]}""",
            """{"messages":[{"role":"user","content":"hello"},{"role":"assistant","content":""},{"role":"user","content":"hello"}]}""");
        var suite = await TokensSuite.CreateAsync(dataset, 10, "m", template, tokenizer.Count, CancellationToken.None);
        await using var fake = await ProbeFakeServer.StartAsync(body => new FakeAnswer
        {
            Content = "ok",
            PromptTokens = tokenizer.Count(TokensSuite.Render(body, template, generationPrompt: false, printParts: true)),
        });
        using var backend = fake.Backend();
        var report = await new SuiteRunner(backend, TimeProvider.System).RunAsync(suite, new SuiteRunOptions { OutputDirectory = _directory }, CancellationToken.None);

        Assert.Equal(["[6, 9]", "[9, 12]"], report.Rows.Select(r => r.Expected));
        Assert.Equal("bug1_generation_prompt", report.Rows[0].Reason);
        Assert.Equal("bug1_and_bug2", report.Rows[1].Reason);
    }

    private async Task<(SuiteReport Report, TokensSuite Suite)> RunAgainstReferenceAsync(string model, bool dropGenerationPrompt)
    {
        var folder = NpmTokenizers.Models(model);
        var tokenizer = PromptTokenizer.Load(folder);
        var template = ChatTemplate.Load(Path.Combine(folder, "tokenizer_config.json"));
        var suite = await TokensSuite.CreateAsync(Dataset(Requests), 10, "m", template, tokenizer.Count, CancellationToken.None);
        var prompts = suite.Cases().Select(c => TokensSuite.Render(c.Body, template, generationPrompt: !dropGenerationPrompt, printParts: false)).ToList();
        var counts = NpmTokenizers.Counts(model, prompts);
        var reference = prompts.Zip(counts).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
        await using var fake = await ProbeFakeServer.StartAsync(body => new FakeAnswer
        {
            Content = "ok",
            PromptTokens = reference[TokensSuite.Render(body, template, generationPrompt: !dropGenerationPrompt, printParts: false)],
        });
        using var backend = fake.Backend();
        var report = await new SuiteRunner(backend, TimeProvider.System).RunAsync(suite, new SuiteRunOptions { OutputDirectory = _directory }, CancellationToken.None);
        Assert.Equal(Requests.Length, report.Rows.Count);
        return (report, suite);
    }

    private string Dataset(params string[] lines)
    {
        var path = Path.Combine(_directory, $"samples-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
