using System.CommandLine;
using K2Verifier.SpecValidation;
using K2Verifier.Validation;

namespace K2Verifier.Cli.Commands;

/// <summary><c>--validator python|spec</c>, shared by run, score and compare: which JSON Schema dialect judges tool-call arguments.</summary>
internal sealed class ValidatorOptions
{
    /// <summary>K2VV parity: python-jsonschema's semantics (the project's validator).</summary>
    public const string Python = "python";

    /// <summary>The JSON Schema specification as JsonSchema.Net 8.0.5 reads it.</summary>
    public const string Spec = "spec";

    public ValidatorOptions() => Validator.AcceptOnlyFromAmong(Python, Spec);

    public Option<string> Validator { get; } = new("--validator")
    {
        Description = "Which JSON Schema validator judges tool-call arguments: python (python-jsonschema semantics, K2VV parity) or spec (the JSON Schema specification through JsonSchema.Net: the schema's draft, 2020-12 by default, format not asserted).",
        DefaultValueFactory = _ => Python,
    };

    public void AddTo(Command command) => command.Options.Add(Validator);

    /// <summary>The validator chosen on the command line.</summary>
    public IJsonSchemaValidator Bind(ParseResult parseResult) => Create(parseResult.GetValue(Validator));

    /// <summary>The validator named <paramref name="name"/> (python when null).</summary>
    public static IJsonSchemaValidator Create(string? name) => name == Spec ? SpecJsonSchemaValidator.Default : JsonSchemaValidator.Default;
}
