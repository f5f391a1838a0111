using K2Verifier.Baselines;

namespace K2Verifier.Core.Tests.Baselines;

public sealed class BaselineReaderTests
{
    [Fact]
    public void Read_Expectations_WithCategories()
    {
        var path = TempFile.Write("""
            {"data_index": 1, "category": "simple", "expected_finish_reason": "tool_calls", "expected_calls": ["f"]}
            {"data_index": 2, "category": "irrelevance", "expected_finish_reason": "stop"}
            """);

        var baseline = BaselineReader.Read(path);

        Assert.Equal(BaselineKind.Expectations, baseline.Kind);
        Assert.True(baseline.Entries[1].IsToolCall);
        Assert.Equal("irrelevance", baseline.Entries[2].Category);
        Assert.True(baseline.HasCategories);
    }

    [Fact]
    public void Read_OfficialResults_LatestRowWinsAndFailuresMarked()
    {
        var path = TempFile.Write("""
            {"data_index": 1, "status": "failed", "finish_reason": null, "last_run_at": "2025-11-15T10:00:00.000000", "request": {}, "hash": "a"}
            {"data_index": 1, "status": "success", "finish_reason": "tool_calls", "last_run_at": "2025-11-15T11:00:00.000000", "request": {}, "hash": "a"}
            {"data_index": 2, "status": "failed", "finish_reason": null, "last_run_at": "2025-11-15T10:00:00.000000", "request": {}, "hash": "b"}
            """);

        var baseline = BaselineReader.Read(path);

        Assert.Equal(BaselineKind.OfficialResults, baseline.Kind);
        Assert.True(baseline.Entries[1].IsToolCall);
        Assert.True(baseline.Entries[2].Failed);
    }

    [Fact]
    public void Read_MixedKinds_ErrorNamesTheLine()
    {
        var path = TempFile.Write("""
            {"data_index": 1, "expected_finish_reason": "stop"}
            {"data_index": 2, "status": "success", "finish_reason": "stop"}
            """);

        var ex = Assert.Throws<BaselineFormatException>(() => BaselineReader.Read(path));

        Assert.Contains(":2:", ex.Message);
    }

    [Theory]
    [InlineData("""{"expected_finish_reason": "stop"}""", ":1: data_index")]
    [InlineData("""{"data_index": 1, "expected_finish_reason": 3}""", ":1: expected_finish_reason")]
    [InlineData("""{"data_index": 1}""", ":1: status: missing")]
    [InlineData("not json", ":1: not JSON")]
    public void Read_BadLine_ErrorNamesLineAndField(string line, string expected)
    {
        var ex = Assert.Throws<BaselineFormatException>(() => BaselineReader.Read(TempFile.Write(line)));

        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Read_CategoriesFile_AddsCategoriesToResults()
    {
        var results = TempFile.Write("""{"data_index": 1, "status": "success", "finish_reason": "stop"}""");
        var expected = TempFile.Write("""{"data_index": 1, "category": "chat", "expected_finish_reason": "stop"}""");

        Assert.Equal("chat", BaselineReader.Read(results, expected).Entries[1].Category);
    }
}
