using System.CommandLine;

namespace K2Verifier.Cli.Parsing;

/// <summary>Options whose value must be one of a fixed set, with BDN-style wording and a "did you mean".</summary>
internal static class ChoiceOption
{
    /// <summary>An option accepting only <paramref name="choices"/> (compared case-insensitively).</summary>
    public static Option<string> Create(string name, string description, string defaultValue, params string[] choices)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
            HelpName = string.Join('|', choices),
        };
        option.CompletionSources.Add(choices);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : defaultValue;
            if (!choices.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError(InvalidValueMessage(name, value, choices));
            }
        });
        return option;
    }

    /// <summary><c>--backend "htp" is invalid. Valid values: http, local. Did you mean "http"?</c></summary>
    public static string InvalidValueMessage(string name, string value, IReadOnlyCollection<string> choices)
    {
        var message = $"{name} \"{value}\" is invalid. Valid values: {string.Join(", ", choices)}.";
        var closest = Suggestions.Closest(value, choices);
        return closest.Count == 0 ? message : $"{message} Did you mean \"{string.Join("\" or \"", closest)}\"?";
    }
}
