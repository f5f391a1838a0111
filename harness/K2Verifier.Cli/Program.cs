using K2Verifier.Cli;

return await CliApp.RunAsync(args, CliConsole.System).ConfigureAwait(false);
