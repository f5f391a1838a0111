using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace K2Verifier.Validation.Patterns;

/// <summary>
/// Compiles Python <c>re</c> patterns to .NET <see cref="Regex"/> once per (pattern, timeout) and matches them with
/// <c>re.search</c> semantics. Thread-safe; the cache is cleared when it reaches its bound.
/// </summary>
internal static class PythonRegex
{
    private const int MaxEntries = 10_000;
    private static readonly ConcurrentDictionary<(string Pattern, TimeSpan Timeout), Compiled> Cache = new();

    /// <summary>Compiles <paramref name="pattern"/>; <see cref="Compiled.Error"/> is set when Python would reject it.</summary>
    public static Compiled Compile(string pattern, TimeSpan timeout)
    {
        if (Cache.TryGetValue((pattern, timeout), out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxEntries)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd((pattern, timeout), static key => Create(key.Pattern, key.Timeout));
    }

    private static Compiled Create(string pattern, TimeSpan timeout)
    {
        try
        {
            var translated = PythonRegexTranslator.Translate(pattern);
            return new Compiled(new Regex(translated, RegexOptions.CultureInvariant, timeout), null);
        }
        catch (PythonRegexException ex)
        {
            return new Compiled(null, ex.Message);
        }
        catch (ArgumentException ex)
        {
            return new Compiled(null, ex.Message);
        }
    }

    /// <summary>A compiled pattern, or the reason it does not compile.</summary>
    internal sealed record Compiled(Regex? Regex, string? Error)
    {
        /// <summary><c>re.search</c>: true when the pattern matches anywhere; a timeout counts as no match.</summary>
        public bool Search(string input, out bool timedOut)
        {
            timedOut = false;
            if (Regex is null)
            {
                return false;
            }

            try
            {
                return Regex!.IsMatch(input);
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut = true;
                return false;
            }
        }
    }
}
