using K2Verifier.Reports;
using K2Verifier.Reports.Model;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary>Builds the report model from results files and runs every exporter; shared by report, run and score.</summary>
internal static class ReportWriter
{
    /// <summary>Writes the report (tool calls re-judged by <paramref name="validator"/>, default python) into <paramref name="outputDirectory"/> and prints <c>wrote PATH</c> for every file to <paramref name="messages"/>.</summary>
    public static async Task<ReportModel> WriteAsync(CliConsole console, TextWriter messages, IReadOnlyList<ReportInput> inputs, ReportOptions options, string outputDirectory, CancellationToken cancellationToken, IJsonSchemaValidator? validator = null)
    {
        if (File.Exists(outputDirectory))
        {
            throw new UsageException($"report folder \"{outputDirectory}\" is a file; give a folder (it is created when missing)");
        }

        Charts.ChartRenderer.EnsureFont();
        var builder = new ReportModelBuilder(new ResultsScorer(new CaseEvaluator(validator ?? JsonSchemaValidator.Default)));
        var model = builder.Build(inputs, options, problem => console.Error.WriteLine($"warning: {problem}"));
        foreach (var artifact in await ReportExporters.ExportAllAsync(model, outputDirectory, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            await messages.WriteLineAsync($"wrote {artifact.Path}").ConfigureAwait(false);
        }

        return model;
    }
}
