using K2Verifier.Core.Tests.TestSupport;
using K2Verifier.Dataset;
using K2Verifier.Preparation;

namespace K2Verifier.Core.Tests.Preparation;

/// <summary>Our request hash against K2VV's own code (prepare_request + compute_hash) run in python3.</summary>
public sealed class RequestHashParityTests
{
    private const string K2vvHashScript = """
import hashlib, json, sys
args = json.loads(sys.stdin.readline())
def prepare(req):
    req = req.copy()
    for m in req.get("messages", []):
        if m.get("role") == "_input":
            m["role"] = "system"
    req["model"] = args["model"]
    if args["temperature"] is not None:
        req["temperature"] = float(args["temperature"])
    if args["max_tokens"] is not None:
        req["max_tokens"] = args["max_tokens"]
    if req.get("stream", False):
        req["stream_options"] = {**req.get("stream_options", {}), "include_usage": True}
    return req
with open(args["path"], encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        if not line.strip():
            continue
        s = json.dumps(prepare(json.loads(line)), sort_keys=True, ensure_ascii=False)
        print(n, hashlib.md5(s.encode("utf-8")).hexdigest())
""";

    public static TheoryData<string, double?, int?> Datasets => new()
    {
        { "datasets/bfcl/samples.jsonl", null, null },
        { "datasets/bfcl/samples.jsonl", 1.0, 512 },
        { "datasets/k2vv-public/samples.jsonl", 0.6, null },
        { "datasets/k2vv-public/medium.jsonl", null, null },
    };

    [PythonTheory]
    [MemberData(nameof(Datasets))]
    public async Task Hash_EveryLine_MatchesK2vv(string dataset, double? temperature, int? maxTokens)
    {
        var path = Repository.Shared(dataset.Split('/'));
        Assert.True(File.Exists(path), $"missing shared dataset {path}");
        var preparer = new RequestPreparer(new PreparationOptions { Model = "kimi-k2-test", Temperature = temperature, MaxTokens = maxTokens });
        var ours = new Dictionary<int, string>();
        await foreach (var record in DatasetReader.ReadAsync(path))
        {
            Assert.True(record.IsValid, record.Problem);
            ours[record.DataIndex] = preparer.Prepare(record).Hash;
        }

        var input = System.Text.Json.JsonSerializer.Serialize(new { path, model = "kimi-k2-test", temperature, max_tokens = maxTokens }) + "\n";
        var theirs = PythonOracle.Run(K2vvHashScript, input)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .ToDictionary(p => int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), p => p[1]);

        Assert.Equal(theirs.Count, ours.Count);
        var mismatches = theirs.Where(p => ours[p.Key] != p.Value).Select(p => p.Key).ToList();
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} hashes differ, first lines: {string.Join(", ", mismatches.Take(10))}");
    }
}
