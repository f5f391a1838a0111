using System.CommandLine;
using System.Globalization;
using K2Verifier.Backends;
using K2Verifier.Common;
using K2Verifier.Running;
using K2Verifier.Suites.Probing;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// <c>suite NAME… --base-url URL --model M [--out DIR]</c> (or <c>--engine sim|local</c>): the KVV-style probe suites
/// (params, schema, tokens, tool-choice) through the same backend as <c>run</c>; each writes
/// <c>suite-NAME.jsonl</c>, <c>suite-NAME.json</c> and <c>suite-NAME.junit.xml</c> into <c>--out</c>. Exit code 1 when
/// a required probe failed, 3 when the endpoint could not be reached.
/// </summary>
internal static class SuiteCommand
{
    public static Command Create(CliConsole console)
    {
        var o = new SuiteCommandOptions();
        var command = new Command("suite", "Run KVV-style probe suites: params (preflight), schema (forced strict calls), tokens (prompt-token accounting), tool-choice.");
        o.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var problems = new List<string>();
            var names = o.Suites(parseResult, problems);
            if (o.Engines.IsLocal(parseResult))
            {
                names = ForLocalEngine(names, parseResult.GetValue(o.Engines.Local.Enforce), console.Error, problems);
            }

            var http = o.Http(parseResult, problems);
            o.Engines.Validate(parseResult, problems);
            if (parseResult.GetValue(o.Concurrency) < 1 || parseResult.GetValue(o.Reruns) < 1 || parseResult.GetValue(o.Sample) < 1)
            {
                problems.Add("--concurrency, --reruns and --sample must be positive");
            }

            if (problems.Count > 0)
            {
                throw new UsageException(string.Join(Environment.NewLine + "error: ", problems.Distinct()));
            }

            var sim = o.Engines.IsSimulator(parseResult);
            var model = parseResult.GetValue(o.Model) ?? (sim ? "kimi-k2" : "local-model");
            var backend = o.Engines.Create(parseResult, parseResult.GetValue(o.Dataset)!, http, parseResult.GetValue(o.Model), console.Out);
            try
            {
                var options = new SuiteRunOptions
                {
                    OutputDirectory = parseResult.GetValue(o.Out)!,
                    Concurrency = parseResult.GetValue(o.Concurrency),
                    Incremental = parseResult.GetValue(o.Incremental),
                    Model = model,
                    Endpoint = sim ? $"sim://{parseResult.GetValue(o.Engines.Profile)}" : http?.BaseUrl.GetLeftPart(UriPartial.Path) ?? "local",
                };
                return await ExecuteAsync(console, o, parseResult, names, backend, options, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                (backend as IDisposable)?.Dispose();
            }
        });
        return command;
    }

    private static async Task<int> ExecuteAsync(CliConsole console, SuiteCommandOptions o, ParseResult parseResult, IReadOnlyList<string> names, IChatBackend backend, SuiteRunOptions options, CancellationToken cancellationToken)
    {
        var runner = new SuiteRunner(backend, TimeProvider.System);
        var exit = ExitCode.Ok;
        foreach (var name in names)
        {
            var suite = await SuiteFactory.CreateAsync(name, o, parseResult, options.Model!, console.Out, cancellationToken).ConfigureAwait(false);
            var report = await runner.RunAsync(suite, options, cancellationToken).ConfigureAwait(false);
            var summary = SuiteSummary.Of(report, options.Model, options.Endpoint);
            var written = await SuiteOutputWriter.WriteAsync(report, summary, options, CancellationToken.None).ConfigureAwait(false);
            Print(console.Out, summary, report);
            foreach (var path in written.Prepend(report.JournalPath))
            {
                await console.Out.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            if (report.Outcome != RunOutcome.Completed)
            {
                await console.Error.WriteLineAsync($"error: {report.Message}").ConfigureAwait(false);
                return (int)ExitCode.InfrastructureError;
            }

            if (report.RequiredFailed)
            {
                exit = ExitCode.GateFailed;
            }
        }

        return (int)exit;
    }

    /// <summary>
    /// The suites that apply to the local engine, said on <paramref name="log"/>: params does not (the model runs in
    /// process, with no API layer that validates request parameters), and tool-choice tests the Enforcer only with
    /// <c>--enforce</c>. Params alone is a usage error.
    /// </summary>
    internal static IReadOnlyList<string> ForLocalEngine(IReadOnlyList<string> names, bool enforce, TextWriter log, List<string> problems)
    {
        const string NoApiLayer = "the local engine runs the model in process with no API layer that validates request parameters, so its 4xx probes cannot apply; run suite params with --base-url against the server in front of the model";
        if (names.Contains("params"))
        {
            if (names.Count == 1)
            {
                problems.Add($"suite params does not apply to --engine local: {NoApiLayer}");
            }
            else
            {
                log.WriteLine($"params: skipped with --engine local: {NoApiLayer}");
            }
        }

        if (names.Contains("tool-choice") && !enforce)
        {
            log.WriteLine("warning: tool-choice: without --enforce the local engine does not apply tool_choice (none, required and the named tool are the model's own choice, invalid values are not rejected); add --enforce to test the Enforcer");
        }

        return [.. names.Where(n => n != "params")];
    }

    private static void Print(TextWriter output, SuiteSummary summary, SuiteReport report)
    {
        var statuses = string.Join(", ", summary.ByStatus.Select(p => $"{p.Key} {p.Value}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Suite}: {summary.Passed}/{summary.Total} passed, {summary.RequiredFailed} required failed ({statuses}); {report.Sent} requests in {report.DurationMs / 1000.0:0.0} s"));
        foreach (var probe in summary.Probes.Where(p => !p.Passed).Take(12))
        {
            output.WriteLine($"  {(probe.Required ? "FAIL" : "info")} {probe.Probe}: expected {probe.Expected}, got {probe.Got} ({probe.PassedAttempts}/{probe.Attempts}){(probe.Detail is null ? string.Empty : " - " + probe.Detail)}");
        }

        var more = summary.Probes.Count(p => !p.Passed) - 12;
        if (more > 0)
        {
            output.WriteLine($"  … and {more} more probes with failures (see suite-{summary.Suite}.json)");
        }
    }
}
