using BenchmarkDotNet.Running;
using K2Verifier.Benchmarks.Generation;
using K2Verifier.Benchmarks.Replay;

// ./run.sh bench                      BenchmarkDotNet micro-benchmarks (validator)
// ./run.sh bench replay [options]     end-to-end replay throughput, memory and score time (see ReplayBenchmark)
// ./run.sh bench generate [options]   local engine tokens/s against a raw native loop (see GenerateBenchmark)
// ./run.sh bench early-stop [options] requests to an early-stop verdict and disagreement over seeded orders (see EarlyStopBenchmark)
// ./run.sh bench fake-server          the instant fake endpoint the replay benchmark starts as a child process
return args.FirstOrDefault() switch
{
    "replay" => await ReplayBenchmark.RunAsync(args[1..]),
    "generate" => await GenerateBenchmark.RunAsync(args[1..]),
    "early-stop" => await K2Verifier.Benchmarks.EarlyStop.EarlyStopBenchmark.RunAsync(args[1..]),
    "fake-server" => await InstantFakeServer.RunAsync(),
    _ => Micro(args),
};

static int Micro(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(K2Verifier.Benchmarks.ValidatorBenchmarks).Assembly).Run(args);
    return 0;
}
