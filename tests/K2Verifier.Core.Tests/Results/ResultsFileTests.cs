using K2Verifier.Results;

namespace K2Verifier.Core.Tests.Results;

public sealed class ResultsFileTests
{
    [Fact]
    public async Task Journal_AppendedRows_ReadBackEqual()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        var row = TestData.Row(3, "tool_calls") with { Attempts = 2, TtftMs = 40, Warnings = ["w"] };

        await using (var journal = ResultsJournal.Open(path, truncate: true))
        {
            await journal.AppendAsync(row);
        }

        var read = Assert.Single(ResultsFile.Read(path)).Result!;
        Assert.Equal(CaseResultSerializer.ToJson(row), CaseResultSerializer.ToJson(read));
    }

    [Fact]
    public void Row_MadeFromRequestBytes_IsWrittenAsFromTheString()
    {
        var row = TestData.Row(3, "tool_calls");

        var fromBytes = row with { RequestJson = null!, RequestUtf8 = System.Text.Encoding.UTF8.GetBytes(row.RequestJson) };

        Assert.Equal(CaseResultSerializer.ToJson(row), CaseResultSerializer.ToJson(fromBytes));
        Assert.Equal(row.RequestJson, fromBytes.RequestJson);
    }

    [Fact]
    public async Task Journal_AppendReturned_RowReadableBeforeTheJournalCloses()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        await using var journal = ResultsJournal.Open(path, truncate: true);

        await journal.AppendAsync(TestData.Row(7, "stop"));

        // Another reader, as after a kill: nothing may be left in a buffer of this process.
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var text = new StreamReader(reader);
        Assert.Equal(CaseResultSerializer.ToJson(TestData.Row(7, "stop")) + "\n", await text.ReadToEndAsync());
    }

    [Fact]
    public async Task Journal_ConcurrentAppends_EveryRowOnALineOfItsOwn()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");

        await using (var journal = ResultsJournal.Open(path, truncate: true))
        {
            await Parallel.ForEachAsync(Enumerable.Range(1, 200), new ParallelOptions { MaxDegreeOfParallelism = 16 },
                async (i, ct) => await journal.AppendAsync(TestData.Row(i, i % 2 == 0 ? "stop" : "tool_calls"), ct));
        }

        var rows = ResultsFile.Read(path).ToList();
        Assert.All(rows, r => Assert.Null(r.Problem));
        Assert.Equal(Enumerable.Range(1, 200), rows.Select(r => r.Result!.DataIndex).Order());
    }

    [Fact]
    public async Task Journal_ConcurrentAppends_EachRowReadableByAnotherReaderWhenItsAppendReturns()
    {
        // Rows that arrive during a write go out together in the next one: a caller must still not return before a
        // write holding its own row has ended.
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        await using var journal = ResultsJournal.Open(path, truncate: true);
        var missing = new System.Collections.Concurrent.ConcurrentBag<int>();

        await Parallel.ForEachAsync(Enumerable.Range(1, 300), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var line = CaseResultSerializer.ToJson(TestData.Row(i, "stop")) + "\n";
            await journal.AppendAsync(TestData.Row(i, "stop"), ct);
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            if (!(await reader.ReadToEndAsync(ct)).Contains(line, StringComparison.Ordinal))
            {
                missing.Add(i);
            }
        });

        Assert.Empty(missing);
        Assert.Equal(Enumerable.Range(1, 300), ResultsFile.Read(path).Select(r => r.Result!.DataIndex).Order());
    }

    [Fact]
    public async Task Journal_PartialLastLine_NextRowStartsOnItsOwnLine()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        await File.WriteAllTextAsync(path, CaseResultSerializer.ToJson(TestData.Row(1)) + "\n{\"data_index\": 2, \"requ");

        await using (var journal = ResultsJournal.Open(path, truncate: false))
        {
            await journal.AppendAsync(TestData.Row(3));
        }

        var rows = ResultsFile.Read(path).ToList();
        Assert.Equal(3, rows.Count);
        Assert.NotNull(rows[1].Problem);
        Assert.Equal(3, rows[2].Result!.DataIndex);
    }

    [Fact]
    public async Task Compact_LatestRunWins_SortedAndUnreadableDropped()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        var lines = new[]
        {
            CaseResultSerializer.ToJson(TestData.Row(2, lastRunAt: "2025-11-15T10:00:00.000000", status: CaseStatus.Failed)),
            CaseResultSerializer.ToJson(TestData.Row(1)),
            "garbage",
            CaseResultSerializer.ToJson(TestData.Row(2, "tool_calls", lastRunAt: "2025-11-15T11:00:00.000000")),
            CaseResultSerializer.ToJson(TestData.Row(3, lastRunAt: "2025-11-15T12:00:00.000000")),
            CaseResultSerializer.ToJson(TestData.Row(3, "length", lastRunAt: "2025-11-15T09:00:00.000000")),
        };
        await File.WriteAllLinesAsync(path, lines);

        var count = ResultsFile.Compact(path);

        var rows = ResultsFile.Read(path).Select(r => r.Result!).ToList();
        Assert.Equal(3, count);
        Assert.Equal([1, 2, 3], rows.Select(r => r.DataIndex));
        Assert.Equal(CaseStatus.Success, rows[1].Status);
        Assert.Equal("stop", rows[2].FinishReason);
    }

    [Fact]
    public void Compact_Spans_CopiedInTheirOrder_RowsLargerThanTheBufferWhole()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        var lines = new[] { "{\"a\": 1}", "{\"b\": \"" + new string('x', 200_000) + "\"}", "{\"c\": 3}" };
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var spans = Spans(lines);

        var count = ResultsFile.Compact(path, [spans[2], spans[1], spans[0]]);

        Assert.Equal(3, count);
        Assert.Equal([lines[2], lines[1], lines[0]], File.ReadAllLines(path));
    }

    [Fact]
    public void Compact_Spans_AnyOrderAcrossAFileLargerThanItsReadWindow_EveryRowIntact()
    {
        // 3 MiB of rows of varied sizes (one of 700 KB, more than half the 1 MiB window), copied in a shuffled order.
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        var random = new Random(5);
        var lines = Enumerable.Range(0, 1500).Select(i => $$"""{"i": {{i}}, "p": "{{new string((char)('a' + (i % 26)), i == 700 ? 700_000 : random.Next(0, 3000))}}"}""").ToArray();
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        var spans = Spans(lines);
        var order = Enumerable.Range(0, lines.Length).OrderBy(i => i + random.Next(-80, 80)).ToArray();
        Array.Reverse(order, 10, 10);

        ResultsFile.Compact(path, [.. order.Select(i => spans[i])]);

        Assert.Equal(order.Select(i => lines[i]), File.ReadAllLines(path));
    }

    [Fact]
    public void Compact_SpanPastTheEnd_ErrorNamesTheFile_JournalUntouched()
    {
        var path = Path.Combine(TempFile.Directory(), "results.jsonl");
        File.WriteAllText(path, "{\"a\": 1}\n");

        var error = Assert.Throws<InvalidDataException>(() => ResultsFile.Compact(path, [new JournalSpan(0, 8), new JournalSpan(4, 100)]));

        Assert.Contains(path, error.Message);
        Assert.Contains("byte 4", error.Message);
        Assert.Equal("{\"a\": 1}\n", File.ReadAllText(path));
        Assert.Equal(["results.jsonl"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_K2vvRow_WithoutOurFields()
    {
        var path = TempFile.Write("""{"data_index": 5, "request": {"messages": []}, "response": {"error": "x"}, "status": "failed", "finish_reason": null, "tool_calls_valid": null, "last_run_at": "2025-11-15T10:00:00.123456", "duration_ms": 12, "hash": "abc"}""");

        var row = Assert.Single(ResultsFile.Read(path)).Result!;

        Assert.Equal(5, row.DataIndex);
        Assert.Equal(1, row.Attempts);
        Assert.Empty(row.ToolCallChecks);
        Assert.Equal("{}", row.ExtraBodyJson);
    }

    [Fact]
    public void Read_RowMissingDataIndex_ProblemNamesFieldAndLine()
    {
        var path = TempFile.Write("""{"request": {}, "status": "success"}""");

        var row = Assert.Single(ResultsFile.Read(path));

        Assert.Null(row.Result);
        Assert.Contains(":1: data_index", row.Problem);
    }

    /// <summary>The spans of <paramref name="lines"/> written one per line.</summary>
    private static JournalSpan[] Spans(string[] lines)
    {
        var offset = 0L;
        return [.. lines.Select(line =>
        {
            var span = new JournalSpan(offset, System.Text.Encoding.UTF8.GetByteCount(line));
            offset += span.Length + 1;
            return span;
        })];
    }
}
