using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(K2Verifier.Benchmarks.ValidatorBenchmarks).Assembly).Run(args);
