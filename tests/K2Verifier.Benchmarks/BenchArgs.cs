using System.Globalization;

namespace K2Verifier.Benchmarks;

/// <summary>The benchmarks' options (<c>--name value</c>; the first occurrence counts).</summary>
internal static class BenchArgs
{
    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? String(string[] args, string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

    /// <summary>The integer after <paramref name="name"/>, or <paramref name="fallback"/>.</summary>
    public static int Int(string[] args, string name, int fallback) =>
        String(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
