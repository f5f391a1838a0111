using System.Text.RegularExpressions;
using K2Verifier.Core.Tests.TestSupport;

namespace K2Verifier.Cli.Tests.Docs;

/// <summary>Issue 13: a command copied from the docs must not point at a file that does not exist.</summary>
public sealed partial class DocsExamplesTests
{
    public static TheoryData<string> Pages() =>
        [.. Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md").Append(Path.Combine(Repository.Root, "README.md"))
            .Select(path => Path.GetRelativePath(Repository.Root, path)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Pages))]
    public void Page_ChatTemplateFilesInExamples_Exist(string page)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, page));

        var missing = ChatTemplateArgument().Matches(text)
            .Select(m => m.Groups["file"].Value)
            .Where(file => file != "FILE" && !File.Exists(Path.Combine(Repository.Root, file)))
            .ToList();

        Assert.True(missing.Count == 0, $"{page} names --chat-template files that do not exist: {string.Join(", ", missing)}");
    }

    [GeneratedRegex(@"--chat-template\s+(?<file>[^\s`|\]\)]+)")]
    private static partial Regex ChatTemplateArgument();
}
