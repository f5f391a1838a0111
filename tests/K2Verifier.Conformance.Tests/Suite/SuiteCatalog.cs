using System.Text.Json;
using K2Verifier.Conformance.Tests.Infrastructure;
using K2Verifier.Validation;

namespace K2Verifier.Conformance.Tests.Suite;

/// <summary>
/// Loads the vendored JSON-Schema-Test-Suite (draft2020-12 and draft7) and the python-jsonschema baseline: where
/// python-jsonschema (no format checker) disagrees with the suite, its answer is the expectation.
/// </summary>
internal static class SuiteCatalog
{
    public static readonly string[] Drafts = ["draft2020-12", "draft7"];

    private static readonly Lazy<IReadOnlyDictionary<string, SuiteCase>> Cases = new(Load);

    public static IReadOnlyDictionary<string, SuiteCase> All => Cases.Value;

    public static IEnumerable<object[]> RequiredIds() =>
        All.Values.Where(c => !c.IsOptional).Select(c => new object[] { c.Id });

    public static SchemaVerdict ExpectedVerdict(SuiteCase testCase) => testCase.Expected switch
    {
        "valid" => SchemaVerdict.Valid,
        "invalid" => SchemaVerdict.Invalid,
        _ => SchemaVerdict.InvalidSchema,
    };

    /// <summary>A validator for the draft (draft7 forced as the default, since its schemas carry no $schema), serving remotes/ from disk.</summary>
    public static JsonSchemaValidator ValidatorFor(string draft) => draft == "draft7" ? Draft7Validator.Value : Draft202012Validator.Value;

    private static readonly Lazy<JsonSchemaValidator> Draft7Validator = new(() => Create(SchemaDraft.Draft7));
    private static readonly Lazy<JsonSchemaValidator> Draft202012Validator = new(() => Create(SchemaDraft.Draft202012));

    private static JsonSchemaValidator Create(SchemaDraft draft) => new(new JsonSchemaValidatorOptions
    {
        DefaultDraft = draft,
        ResourceLoader = LoadRemote,
    });

    /// <summary>http://localhost:1234/PATH → remotes/PATH on disk; anything else is unknown.</summary>
    public static string? LoadRemote(Uri uri)
    {
        if (uri.Scheme != "http" || uri.Host != "localhost" || uri.Port != 1234)
        {
            return null;
        }

        var path = Path.Combine(SharedData.SuiteRoot, "remotes", uri.AbsolutePath.TrimStart('/'));
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private static Dictionary<string, SuiteCase> Load()
    {
        var testsRoot = SharedData.Require(Path.Combine(SharedData.SuiteRoot, "tests"));
        var overrides = LoadBaseline();
        var cases = new Dictionary<string, SuiteCase>(StringComparer.Ordinal);
        foreach (var draft in Drafts)
        {
            var draftRoot = Path.Combine(testsRoot, draft);
            foreach (var path in Directory.EnumerateFiles(draftRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var file = Path.GetRelativePath(draftRoot, path).Replace('\\', '/');
                using var document = JsonDocument.Parse(File.ReadAllText(path));
                foreach (var group in document.RootElement.EnumerateArray())
                {
                    var groupName = group.GetProperty("description").GetString()!;
                    var schema = group.GetProperty("schema").Clone();
                    foreach (var test in group.GetProperty("tests").EnumerateArray())
                    {
                        var description = test.GetProperty("description").GetString()!;
                        var valid = test.GetProperty("valid").GetBoolean();
                        var expected = overrides.TryGetValue((draft, file, groupName, description), out var python) ? python : valid ? "valid" : "invalid";
                        var id = $"{draft}/{file}/{groupName}/{description}";
                        while (cases.ContainsKey(id))
                        {
                            id += " (again)";
                        }

                        cases[id] = new SuiteCase(id, draft, file, groupName, description, schema, test.GetProperty("data").Clone(), valid, expected);
                    }
                }
            }
        }

        return cases;
    }

    private static Dictionary<(string, string, string, string), string> LoadBaseline()
    {
        var path = SharedData.Require(Path.Combine(SharedData.SuiteRoot, "python-jsonschema-baseline.json"));
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var result = new Dictionary<(string, string, string, string), string>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            if (run.GetProperty("format_asserted").GetBoolean())
            {
                continue;
            }

            var draft = run.GetProperty("draft").GetString()!;
            foreach (var item in run.GetProperty("disagreements").EnumerateArray())
            {
                result[(draft, item.GetProperty("file").GetString()!, item.GetProperty("group").GetString()!, item.GetProperty("test").GetString()!)] =
                    item.GetProperty("python_jsonschema").GetString()!;
            }
        }

        return result;
    }
}
