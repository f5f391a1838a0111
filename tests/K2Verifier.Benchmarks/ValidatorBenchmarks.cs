using System.Text.Json;
using BenchmarkDotNet.Attributes;
using K2Verifier.Validation;

namespace K2Verifier.Benchmarks;

/// <summary>
/// Validations per second over the BFCL valid-argument set (2,472 calls) with cached compiled schemas. One benchmark
/// invocation validates the whole set, so validations/s = 2472 / mean time.
/// </summary>
[MemoryDiagnoser]
public class ValidatorBenchmarks
{
    private (JsonElement Schema, JsonElement Arguments, CompiledSchema Compiled)[] _calls = [];

    [GlobalSetup]
    public void Setup()
    {
        var bfcl = Path.Combine(FindRoot(), "..", "shared", "datasets", "bfcl");
        var samples = File.ReadAllLines(Path.Combine(bfcl, "samples.jsonl"));
        var calls = new List<(JsonElement, JsonElement, CompiledSchema)>();
        foreach (var line in File.ReadLines(Path.Combine(bfcl, "valid_arguments.jsonl")))
        {
            using var call = JsonDocument.Parse(line);
            var name = call.RootElement.GetProperty("name").GetString();
            using var sample = JsonDocument.Parse(samples[call.RootElement.GetProperty("data_index").GetInt32() - 1]);
            var schema = sample.RootElement.GetProperty("tools").EnumerateArray()
                .Select(t => t.GetProperty("function"))
                .First(f => f.GetProperty("name").GetString() == name)
                .GetProperty("parameters").Clone();
            var compiled = JsonSchemaValidator.Default.Compile(schema);
            calls.Add((schema, call.RootElement.GetProperty("arguments").Clone(), compiled));
        }

        _calls = [.. calls];
        if (_calls.Any(c => !c.Compiled.Validate(c.Arguments).IsValid))
        {
            throw new InvalidOperationException("a BFCL valid argument did not validate");
        }
    }

    /// <summary>The hot path callers use: the content-keyed cache lookup plus validation.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 2472)]
    public int ValidateThroughCache()
    {
        var valid = 0;
        foreach (var (schema, arguments, _) in _calls)
        {
            valid += JsonSchemaValidator.Default.Validate(schema, arguments).IsValid ? 1 : 0;
        }

        return valid;
    }

    /// <summary>Validation with an already compiled schema (no cache lookup).</summary>
    [Benchmark(OperationsPerInvoke = 2472)]
    public int ValidateCompiled()
    {
        var valid = 0;
        foreach (var (_, arguments, compiled) in _calls)
        {
            valid += compiled.Validate(arguments).IsValid ? 1 : 0;
        }

        return valid;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "K2Verifier.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("K2Verifier.sln not found");
    }
}
