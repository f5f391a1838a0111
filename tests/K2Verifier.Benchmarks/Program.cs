using BenchmarkDotNet.Running;
using K2Verifier.Benchmarks.Generation;
using K2Verifier.Benchmarks.Replay;

// ./run.sh bench                      BenchmarkDotNet micro-benchmarks (validator)
// ./run.sh bench replay [options]     end-to-end replay throughput, memory and score time (see ReplayBenchmark)
// ./run.sh bench replay-stages [opts] each stage of the replay alone at steady state: CPU and allocations (see ReplayStages)
// ./run.sh bench generate [options]   local engine tokens/s against a raw native loop (see GenerateBenchmark)
// ./run.sh bench rate-limit [options] a vendor limited to R req/s (429 + Retry-After beyond): rows lost, wall vs N/R
// ./run.sh bench slow-vendor [opts]   a vendor taking 1 s per reply (streams in 10 chunks): req/s vs ideal, peak memory
// ./run.sh bench fake-server [opts]   the fake endpoint the benchmarks start as a child process
// ./run.sh bench early-stop [options] requests to an early-stop verdict and disagreement over seeded orders (see EarlyStopBenchmark)
return args.FirstOrDefault() switch
{
    "replay" => await ReplayBenchmark.RunAsync(args[1..]),
    "replay-stages" => await ReplayStages.RunAsync(args[1..]),
    "generate" => await GenerateBenchmark.RunAsync(args[1..]),
    "rate-limit" => await RateLimitBenchmark.RunAsync(args[1..]),
    "slow-vendor" => await SlowVendorBenchmark.RunAsync(args[1..]),
    "fake-server" => await InstantFakeServer.RunAsync(args[1..]),
    "early-stop" => await K2Verifier.Benchmarks.EarlyStop.EarlyStopBenchmark.RunAsync(args[1..]),
    _ => Micro(args),
};

static int Micro(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(K2Verifier.Benchmarks.ValidatorBenchmarks).Assembly).Run(args);
    return 0;
}
