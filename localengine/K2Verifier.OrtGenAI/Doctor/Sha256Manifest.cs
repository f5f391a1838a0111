using System.Security.Cryptography;

namespace K2Verifier.OrtGenAI.Doctor;

/// <summary>A <c>sha256sum</c>-format manifest (<c>HEX  relative/path</c> per line) checked against a model folder.</summary>
internal static class Sha256Manifest
{
    /// <summary>Returns the number of files checked and one problem per missing or mismatching file.</summary>
    public static (int Checked, IReadOnlyList<string> Problems) Verify(string manifestPath, string modelDirectory)
    {
        var problems = new List<string>();
        var count = 0;
        foreach (var (line, number) in File.ReadLines(manifestPath).Select((l, i) => (l.Trim(), i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || parts[0].Length != 64)
            {
                problems.Add($"{Path.GetFileName(manifestPath)}:{number}: not \"SHA256  PATH\"");
                continue;
            }

            count++;
            var relative = parts[1].TrimStart('*');
            var path = Path.Combine(modelDirectory, relative);
            if (!File.Exists(path))
            {
                problems.Add($"{relative} is missing");
                continue;
            }

            using var stream = File.OpenRead(path);
            var actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            if (!string.Equals(actual, parts[0], StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{relative} has sha256 {actual[..12]}…, the manifest says {parts[0][..12]}…");
            }
        }

        return (count, problems);
    }
}
