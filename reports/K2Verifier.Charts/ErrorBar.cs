namespace K2Verifier.Charts;

/// <summary>An interval drawn as a whisker over a bar or point (absolute values, e.g. a 95% confidence interval).</summary>
public readonly record struct ErrorBar(double Low, double High);
