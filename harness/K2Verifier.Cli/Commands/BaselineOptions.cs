using System.CommandLine;
using K2Verifier.Baselines;

namespace K2Verifier.Cli.Commands;

/// <summary><c>--baseline FILE</c> and <c>--categories FILE</c>, shared by run, score and compare.</summary>
internal sealed class BaselineOptions
{
    public Option<string?> Baseline { get; } = new("--baseline")
    {
        Description = "Reference to compute trigger precision/recall/F1 against: an official results.jsonl (K2VV format) or an expectations file (data_index, expected_finish_reason, category).",
    };

    public Option<string?> Categories { get; } = new("--categories")
    {
        Description = "An expected.jsonl whose 'category' per data_index slices the metrics (when the baseline has none).",
    };

    public Option<string> Published { get; } = Parsing.ChoiceOption.Create(
        "--published",
        "K2VV's published vendor table to place the run in; auto picks it from the model name.",
        "auto",
        "auto", "k2-0905", "k2-thinking", "none");

    public void AddTo(Command command)
    {
        command.Options.Add(Baseline);
        command.Options.Add(Categories);
        command.Options.Add(Published);
    }

    /// <summary>The table for <see cref="Metrics.RunInfo.PublishedTable"/>: null for auto.</summary>
    public string? PublishedTable(ParseResult parseResult) =>
        parseResult.GetValue(Published) is "auto" or null ? null : parseResult.GetValue(Published)!.ToLowerInvariant();

    /// <summary>Reads the baseline when one was given; a bad file is a usage error naming file, line and field.</summary>
    public Baseline? Load(ParseResult parseResult)
    {
        if (parseResult.GetValue(Baseline) is not { } path)
        {
            if (parseResult.GetValue(Categories) is not null)
            {
                throw new UsageException("--categories needs --baseline (the categories slice the trigger metrics against it)");
            }

            return null;
        }

        try
        {
            return BaselineReader.Read(path, parseResult.GetValue(Categories));
        }
        catch (BaselineFormatException ex)
        {
            throw new UsageException(ex.Message, ex);
        }
    }
}
