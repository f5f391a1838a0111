using System.Text.Json;
using K2Verifier.Json;

namespace K2Verifier.Core.Tests.Json;

public sealed class PythonJsonTests
{
    [Theory]
    [InlineData(0.6, "0.6")]
    [InlineData(1.0, "1.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(1.5e-7, "1.5e-07")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1234567890123456.0, "1234567890123456.0")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(-2.5, "-2.5")]
    public void Repr_MatchesPython(double value, string expected)
    {
        Assert.Equal(expected, PythonFloat.Repr(value));
    }

    [Fact]
    public void Dumps_SortsKeysAndUsesPythonSeparators()
    {
        using var document = JsonDocument.Parse("""{"b":1,"a":[1,2.50,{"z":null,"y":true}],"c":"x"}""");

        var text = PythonJson.Dumps(document.RootElement);

        Assert.Equal("""{"a": [1, 2.5, {"y": true, "z": null}], "b": 1, "c": "x"}""", text);
    }

    [Fact]
    public void Dumps_KeepsNonAsciiAndEscapesControlCharacters()
    {
        using var document = JsonDocument.Parse("\"你好 \\u00e9 \\n \\t \\u0001 \\\" \\\\ \\u007f \\ud83d\\ude00\"");

        var text = PythonJson.Dumps(document.RootElement);

        Assert.Equal("\"你好 é \\n \\t \\u0001 \\\" \\\\ \u007f 😀\"", text);
    }

    [Fact]
    public void Dumps_ExponentIntegerIsAFloat()
    {
        using var document = JsonDocument.Parse("[1e2, 1E-5, -0, 12345678901234567890]");

        Assert.Equal("[100.0, 1e-05, 0, 12345678901234567890]", PythonJson.Dumps(document.RootElement));
    }

    [Fact]
    public void Dumps_DuplicateKeysKeepTheLast()
    {
        using var document = JsonDocument.Parse("""{"a":1,"a":2}""");

        Assert.Equal("""{"a": 2}""", PythonJson.Dumps(document.RootElement));
    }

    [Fact]
    public void CodePointComparer_AstralSortsAfterHighBmp()
    {
        var keys = new List<string> { "😀", "\uffff", "a" };

        keys.Sort(CodePointComparer.Instance);

        Assert.Equal(["a", "\uffff", "😀"], keys);
    }
}
