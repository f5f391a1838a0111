using System.Text;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Core.Tests.Results;

public sealed class JsonlScannerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Lines_Transient_SameLinesOffsetsAndBytesAsCopied(int seed)
    {
        // Arrange: lines of random lengths (some longer than the scanner's 64 KiB chunk, some ending in CR, some empty),
        // the last one without a newline, so lines fall within chunks, across them and at their edges.
        var random = new Random(seed);
        var path = Path.Combine(TempFile.Directory(), "lines.jsonl");
        using (var file = File.Create(path))
        {
            for (var i = 0; i < 300; i++)
            {
                var length = random.Next(4) == 0 ? random.Next(60_000, 140_000) : random.Next(0, 3_000);
                file.Write(Encoding.ASCII.GetBytes(new string((char)('a' + (i % 26)), length)));
                file.Write(random.Next(5) == 0 ? "\r\n"u8 : "\n"u8);
            }

            file.Write("last"u8);
        }

        var bytes = File.ReadAllBytes(path);

        // Act
        var copied = JsonlScanner.Lines(path).Select(l => (l.Number, l.Offset, Text: Encoding.ASCII.GetString(l.Bytes.Span))).ToList();
        var transient = JsonlScanner.Lines(path, transient: true).Select(l => (l.Number, l.Offset, Text: Encoding.ASCII.GetString(l.Bytes.Span))).ToList();

        // Assert: the same lines, and each one's bytes are the file's at its offset.
        Assert.Equal(301, copied.Count);
        Assert.Equal(copied, transient);
        Assert.All(transient, l => Assert.Equal(l.Text, Encoding.ASCII.GetString(bytes, (int)l.Offset, l.Text.Length)));
        Assert.Equal("last", transient[^1].Text);
    }

    [Fact]
    public async Task Read_RowJudgedAtItsOffset_TakesThatOutcomeWithoutJudgingAgain()
    {
        // Arrange: two rows; the second one's outcome is known by where the journal wrote it (a run's own row).
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        long second;
        await using (var journal = ResultsJournal.Open(path, truncate: true))
        {
            await journal.AppendAsync(TestData.Row(1, "stop"));
            second = await journal.AppendAsync(TestData.Row(2, "stop"));
        }

        var known = new CaseOutcome(2, CaseStatus.Failed, "marker", null, [], "known", 0, null, 1, null, "2099-01-01T00:00:00.000000");

        // Act
        var scored = new ResultsScorer(new CaseEvaluator(new JsonSchemaValidator()))
            .Read(path, options: new JournalReadOptions { JudgedAt = offset => offset == second ? known : null });

        // Assert: row 2 is the known outcome; row 1, unknown, was judged from the file.
        Assert.Same(known, scored.Latest.Single(o => o.DataIndex == 2));
        Assert.Equal("stop", scored.Latest.Single(o => o.DataIndex == 1).FinishReason);
        Assert.Equal(second, File.ReadAllText(path).IndexOf('\n') + 1);
    }
}
