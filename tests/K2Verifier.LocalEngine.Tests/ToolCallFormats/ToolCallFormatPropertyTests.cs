using K2Verifier.LocalEngine.ToolCallFormats;
using K2Verifier.LocalEngine.Tests.TestSupport;

namespace K2Verifier.LocalEngine.Tests.ToolCallFormats;

/// <summary>Properties every format must have: render→parse round trips, streaming equals whole-text parsing, truncation is seen.</summary>
public sealed class ToolCallFormatPropertyTests
{
    private const int Cases = 200;

    public static TheoryData<string> FormatNames() => [.. ToolCallFormatRegistry.Names];

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Parse_RenderedCalls_RoundTripsInBothModes(string formatName)
    {
        var format = ToolCallFormatRegistry.Get(formatName);
        var random = new Random(7);
        for (var i = 0; i < Cases; i++)
        {
            // Arrange
            var calls = ToolCallGenerator.Calls(random);
            var text = format.Render(calls);

            foreach (var mode in new[] { ParseMode.Strict, ParseMode.Lenient })
            {
                // Act
                var result = format.Parse(text, mode);

                // Assert
                Assert.Equal(string.Empty, result.Content);
                Assert.False(result.Truncated);
                Assert.Empty(result.Problems);
                Assert.Equal(calls.Select(c => (c.Name, c.Arguments)), result.Calls.Select(c => (c.Name, c.Arguments)));
                if (format is KimiK2ToolCallFormat)
                {
                    Assert.Equal(calls.Select(c => c.Id), result.Calls.Select(c => c.Id));
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Parse_ContentBeforeCalls_IsKeptAsContent(string formatName)
    {
        var format = ToolCallFormatRegistry.Get(formatName);
        var random = new Random(11);
        var calls = ToolCallGenerator.Calls(random, 2);
        var prefix = format is Llama3JsonToolCallFormat ? "Let me look that up. " + Llama3JsonToolCallFormat.PythonTag : "Let me look that up.\n";

        var result = format.Parse(prefix + format.Render(calls), ParseMode.Lenient);

        // vLLM's llama3_json parser returns no content once it found calls.
        Assert.Equal(format is Llama3JsonToolCallFormat ? string.Empty : "Let me look that up.\n", result.Content);
        Assert.Equal(2, result.Calls.Count);
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void StreamParser_RandomChunkSplits_EqualsWholeTextParse(string formatName)
    {
        var format = ToolCallFormatRegistry.Get(formatName);
        var random = new Random(42);
        for (var i = 0; i < Cases; i++)
        {
            // Arrange: content, calls, and sometimes a cut-off ending.
            var prefix = format is Llama3JsonToolCallFormat || random.Next(3) == 0 ? string.Empty : "先想一下 <not a marker> then call.\n";
            var text = prefix + format.Render(ToolCallGenerator.Calls(random));
            if (random.Next(4) == 0)
            {
                text = text[..random.Next(prefix.Length, text.Length)];
            }

            foreach (var mode in new[] { ParseMode.Strict, ParseMode.Lenient })
            {
                var parser = format.CreateStreamParser(mode);
                var streamedContent = string.Empty;
                var streamedCalls = new List<ParsedToolCall>();

                // Act
                for (var position = 0; position < text.Length;)
                {
                    var length = Math.Min(random.Next(1, 12), text.Length - position);
                    var update = parser.Push(text.Substring(position, length));
                    streamedContent += update.ContentDelta;
                    streamedCalls.AddRange(update.CompletedCalls);
                    position += length;
                }

                var streamed = parser.Finish();
                var whole = format.Parse(text, mode);

                // Assert
                Assert.Equal(whole.Content, streamed.Content);
                Assert.Equal(whole.Truncated, streamed.Truncated);
                Assert.Equal(whole.Calls, streamed.Calls);
                Assert.Equal(whole.Problems, streamed.Problems);
                Assert.StartsWith(streamedContent, whole.Content, StringComparison.Ordinal);
                Assert.Equal(whole.Calls.Take(streamedCalls.Count), streamedCalls);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FormatNames))]
    public void Parse_TextCutInsideACall_IsTruncated(string formatName)
    {
        var format = ToolCallFormatRegistry.Get(formatName);
        var random = new Random(5);
        for (var i = 0; i < Cases; i++)
        {
            var calls = ToolCallGenerator.Calls(random, 1);
            var text = format.Render(calls);
            var (opener, closer) = format switch
            {
                KimiK2ToolCallFormat => (KimiK2ToolCallFormat.SectionBegin.Length + KimiK2ToolCallFormat.CallBegin.Length, text.IndexOf(KimiK2ToolCallFormat.CallEnd, StringComparison.Ordinal)),
                DeepSeekV3ToolCallFormat => (DeepSeekV3ToolCallFormat.SectionBegin.Length + DeepSeekV3ToolCallFormat.CallBegin.Length, text.IndexOf(DeepSeekV3ToolCallFormat.CallEnd, StringComparison.Ordinal)),
                HermesToolCallFormat => (HermesToolCallFormat.CallBegin.Length, text.IndexOf(HermesToolCallFormat.CallEnd, StringComparison.Ordinal)),
                _ => (1, text.Length - 1),
            };
            var cut = text[..random.Next(opener, closer)];

            var strict = format.Parse(cut, ParseMode.Strict);

            Assert.True(strict.Truncated, $"not seen as truncated: {cut}");
            Assert.Empty(strict.Calls);
        }
    }
}
