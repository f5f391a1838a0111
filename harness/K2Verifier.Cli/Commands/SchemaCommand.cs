using System.CommandLine;
using K2Verifier.Common;

namespace K2Verifier.Cli.Commands;

/// <summary><c>schema validate --cases FILE</c>: validates <c>{"schema", "instance"}</c> lines, one verdict line each.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliConsole console)
    {
        var cases = new Option<FileInfo>("--cases")
        {
            Description = "JSONL file: one {\"schema\": …, \"instance\": …} object per line (optional \"draft\": \"draft7\" or \"draft2020-12\" for a schema without $schema).",
            Required = true,
        };
        var validate = new Command("validate", "Validate each line's instance against its schema as python-jsonschema does; prints one JSON verdict line per input line.");
        validate.Options.Add(cases);
        validate.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(cases)!;
            SchemaCaseRunner.Run(file.ToString(), console.Out);
            return (int)ExitCode.Ok;
        });

        var schema = new Command("schema", "JSON Schema tools (the validator behind every tool-call verdict).");
        schema.Subcommands.Add(validate);
        return schema;
    }
}
