using System.CommandLine;
using K2Verifier.Common;
using K2Verifier.Templates.Lint;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>template lint FILE</c>: checks a chat template for the three integration bugs (generation prompt, list-of-parts
/// content, history ids) by rendering probe conversations. Exit 0 when clean, 1 when there is a finding, 2 when the
/// template cannot be read or parsed.
/// </summary>
internal static class TemplateLintCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .jinja chat template or a tokenizer_config.json." };
        var command = new Command("lint", "Check a chat template for the three integration bugs (exit 1 when a finding is found).") { file };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                throw new UsageException($"template not found: {path}");
            }

            var findings = TemplateLinter.Lint(TemplateCommand.Load(path));
            foreach (var finding in findings)
            {
                await console.Out.WriteLineAsync($"{finding.Check}: {finding.Message}").ConfigureAwait(false);
                await console.Out.WriteLineAsync($"  fix: {finding.Fix}").ConfigureAwait(false);
            }

            await console.Out.WriteLineAsync(findings.Count == 0
                ? $"{path.Name}: clean (generation prompt, list-of-parts content, history ids)"
                : $"{path.Name}: {findings.Count} finding(s)").ConfigureAwait(false);
            return findings.Count == 0 ? (int)ExitCode.Ok : (int)ExitCode.GateFailed;
        });
        return command;
    }
}
