using System.Text.Json;
using K2Verifier.Cli.Commands;

namespace K2Verifier.Cli.Tests.Commands;

public sealed class ShardManifestSettingsTests
{
    private static readonly Type[] Recordable = [typeof(string), typeof(bool), typeof(int), typeof(long), typeof(ulong), typeof(double)];

    [Fact]
    public void RunOptions_EveryAnswerChangingOne_HasAValueTheManifestCanRecord()
    {
        var run = CliApp.BuildRootCommand(new CliConsole(TextWriter.Null, TextWriter.Null)).Subcommands.Single(c => c.Name == "run");

        var unrecordable = run.Options
            .Where(o => !ShardManifestWriter.Operational.Contains(o.Name))
            .Where(o => !Recordable.Contains(Nullable.GetUnderlyingType(o.ValueType) ?? o.ValueType))
            .Select(o => $"{o.Name}: {o.ValueType.Name}");

        Assert.Empty(unrecordable);
    }

    [Theory]
    [InlineData("kimi-k2")]
    [InlineData("中文 \"quoted\" <tag> & 'x'")]
    [InlineData(true)]
    [InlineData(false)]
    [InlineData(16)]
    [InlineData(-3L)]
    [InlineData(18446744073709551615UL)]
    [InlineData(0.6)]
    [InlineData(1.0)]
    [InlineData(1e-5)]
    [InlineData(123456789.125)]
    public void SettingJson_AsJsonSerializerWroteIt(object value) =>
        Assert.Equal(JsonSerializer.Serialize(value), ShardManifestWriter.SettingJson("--x", value));

    [Fact]
    public void SettingJson_OtherType_ErrorNamesTheOption()
    {
        var error = Assert.Throws<NotSupportedException>(() => ShardManifestWriter.SettingJson("--ratio", 0.5m));

        Assert.Contains("--ratio", error.Message);
    }
}
