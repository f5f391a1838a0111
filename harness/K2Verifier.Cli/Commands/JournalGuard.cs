using K2Verifier.Results;
using K2Verifier.Running;

namespace K2Verifier.Cli.Commands;

/// <summary>
/// What <c>run</c> does with a journal already at <c>--output</c>, said on stderr before anything is sent: without
/// <c>--incremental</c> it is moved to <c>FILE.bak</c> (replacing an older backup), never silently replaced; with it,
/// the count of successful requests kept (not sent again).
/// </summary>
internal static class JournalGuard
{
    public static void Prepare(RunOptions options, TextWriter log)
    {
        var path = options.OutputPath;
        var exists = File.Exists(path) && new FileInfo(path).Length > 0;
        if (options.Incremental)
        {
            log.WriteLine(exists
                ? $"--incremental: keeping {Runner.SuccessfulHashes(path).Count} successful requests of {path}; sending the rest"
                : $"--incremental: no journal at {path} yet; sending every request");
            return;
        }

        if (!exists)
        {
            return;
        }

        var rows = JsonlScanner.Lines(path).Count();
        var backup = path + ".bak";
        File.Move(path, backup, overwrite: true);
        log.WriteLine($"{path} already held a journal ({rows} rows): moved it to {backup}; pass --incremental to resume a journal instead");
    }
}
