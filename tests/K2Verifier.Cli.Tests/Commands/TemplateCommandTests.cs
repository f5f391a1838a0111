using K2Verifier.Cli.Tests.Infrastructure;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class TemplateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("k2v-template-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Render_RequestBody_PrintsPromptWithoutAddedNewline()
    {
        var template = Write("t.jinja", "{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}{% if add_generation_prompt %}<assistant>{% endif %}{{ model }}\n");
        var input = Write("in.json", """{"model": "kimi-k2", "messages": [{"role": "user", "content": "上海天气"}], "temperature": 0.6}""");

        var (exitCode, output, error) = await CliRunner.RunAsync("template", "render", "--template", template, "--input", input, "--add-generation-prompt");

        Assert.Equal(0, exitCode);
        Assert.Equal(string.Empty, error);
        Assert.Equal("<user>上海天气<assistant>kimi-k2", output);
    }

    [Fact]
    public async Task Render_TemplateError_ExitsWithUsageErrorNamingTheLine()
    {
        var template = Write("t.jinja", "ok\n{{ raise_exception('no tools allowed') }}");
        var input = Write("in.json", """{"messages": []}""");

        var (exitCode, _, error) = await CliRunner.RunAsync("template", "render", "--template", template, "--input", input);

        Assert.Equal(2, exitCode);
        Assert.Contains("t.jinja:2: raise_exception: no tools allowed", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_InputWithoutMessages_ExitsWithUsageError()
    {
        var template = Write("t.jinja", "x");
        var input = Write("in.json", """{"prompt": "hi"}""");

        var (exitCode, _, error) = await CliRunner.RunAsync("template", "render", "--template", template, "--input", input);

        Assert.Equal(2, exitCode);
        Assert.Contains("no \"messages\" list", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
