using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using K2Verifier.Backends;
using K2Verifier.Backends.Http;
using K2Verifier.Dataset;
using K2Verifier.Metrics;
using K2Verifier.Preparation;
using K2Verifier.Results;
using K2Verifier.Validation;

namespace K2Verifier.Benchmarks.Replay;

/// <summary>
/// The replay's stages one at a time, on the same requests against the same warm fake, each run <c>--warm-passes</c>
/// times (default 3) and then measured (steady state): reading and preparing the dataset (and the parts of
/// preparation), a bare HttpClient post, the backend's transport alone (<see cref="EndpointTransport"/>), the HTTP
/// backend's send (transport, Polly, send gate), judging the responses, and appending the rows to a journal. Prints the
/// CPU time and allocations per request of each, so the end-to-end figure of <c>bench replay</c> can be read stage by
/// stage.
/// </summary>
internal static class ReplayStages
{
    public static async Task<int> RunAsync(string[] args)
    {
        var requests = BenchArgs.Int(args, "--requests", 4000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 64);
        var folder = Path.Combine(Path.GetTempPath(), "k2v-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var dataset = ReplayBenchmark.BuildDataset(folder, requests);
        using var fake = await FakeProcess.StartAsync();
        var prepared = new List<PreparedRequest>();
        var responses = new BackendResponse[requests];
        using var backend = new HttpChatBackend(new HttpBackendOptions { BaseUrl = fake.BaseUrl, Timeout = TimeSpan.FromSeconds(60) });
        var evaluator = new CaseEvaluator(JsonSchemaValidator.Default);
        var rows = new CaseResult[requests];
        var records = await DatasetReader.ReadAsync(dataset).ToListAsync();
        var transportOptions = new HttpBackendOptions { BaseUrl = fake.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var transport = new EndpointTransport(transportOptions, EndpointTransport.CreateSocketsHandler(transportOptions));
        using var client = new HttpClient { BaseAddress = new Uri(fake.BaseUrl.ToString().TrimEnd('/') + "/") };

        Task EachRequest(Func<int, CancellationToken, ValueTask> send) =>
            Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, send);

        var stages = new (string Name, Func<Task> Run)[]
        {
            ("read and prepare", async () =>
            {
                prepared.Clear();
                var preparer = new RequestPreparer(new() { Model = "bench" });
                await foreach (var record in DatasetReader.ReadAsync(dataset))
                {
                    prepared.Add(preparer.Prepare(record));
                }
            }),
            ("read only", async () =>
            {
                var n = 0;
                await foreach (var record in DatasetReader.ReadAsync(dataset))
                {
                    n += record.DataIndex;
                }
            }),
            ("prepare: write request", () =>
            {
                foreach (var r in records) { _ = PreparedRequestWriter.Write(r.Element, new PreparationOptions { Model = "bench" }); }
                return Task.CompletedTask;
            }),
            ("prepare: hash", () =>
            {
                foreach (var p in prepared) { _ = RequestPreparer.Hash(p.RequestBody); }
                return Task.CompletedTask;
            }),
            ("prepare: parse prepared", () =>
            {
                foreach (var p in prepared) { _ = System.Text.Json.JsonElement.Parse(p.WireBodyUtf8.Span); }
                return Task.CompletedTask;
            }),
            ("prepare: tools", () =>
            {
                foreach (var p in prepared) { _ = RequestPreparer.ReadTools(p.RequestBody); }
                return Task.CompletedTask;
            }),
            ("bare HttpClient post", () => EachRequest(async (i, ct) =>
            {
                using var content = new ReadOnlyMemoryContent(prepared[i].WireBodyUtf8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await client.PostAsync("chat/completions", content, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
            })),
            ("endpoint transport post", () => EachRequest(async (i, ct) =>
            {
                // The backend's own transport, without Polly and the send gate around it.
                using var response = await transport.SendAsync(prepared[i], ct);
                await response.Content.ReadAsByteArrayAsync(ct);
            })),
            ("backend send (transport, Polly, gate)", () => EachRequest(async (i, ct) =>
            {
                responses[i] = await backend.SendAsync(prepared[i], ct);
            })),
            ("judge", () =>
            {
                var at = MetricsCalculator.PythonIsoFormat(DateTime.Now);
                for (var i = 0; i < requests; i++)
                {
                    rows[i] = evaluator.Judge(prepared[i], responses[i], at).Row;
                }

                return Task.CompletedTask;
            }),
            ("journal append", async () =>
            {
                await using var journal = ResultsJournal.Open(Path.Combine(folder, "stages.jsonl"), truncate: true);
                foreach (var row in rows)
                {
                    await journal.AppendAsync(row);
                }
            }),
        };

        var warmPasses = BenchArgs.Int(args, "--warm-passes", 3);
        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"replay stages ({requests} requests, concurrency {concurrency}, load average {ReplayBenchmark.LoadAverage()}); CPU and allocations per request, measured after {warmPasses} warm passes\n");
        for (var pass = 0; pass < warmPasses; pass++)
        {
            foreach (var (name, run) in stages)
            {
                await run();
            }
        }

        foreach (var (name, run) in stages)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var jit = System.Runtime.JitInfo.GetCompiledMethodCount();
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            await run();
            var allocatedKb = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / requests;
            var used = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            report.Append(CultureInfo.InvariantCulture, $"  {name,-34} {used.TotalMilliseconds / requests:0.000} ms  {allocatedKb,6:0.0} KB   ({System.Runtime.JitInfo.GetCompiledMethodCount() - jit} methods jitted)\n");
        }

        Console.Write(report);
        Directory.Delete(folder, recursive: true);
        return 0;
    }
}
