namespace K2Verifier.OrtGenAI.Loading;

/// <summary>
/// K2Verifier's per-user cache, <c>${XDG_CACHE_HOME:-$HOME/.cache}/k2verifier</c>: the trimmed model copies live
/// under it.
/// </summary>
internal static class UserCache
{
    /// <summary>The folder, read from <paramref name="environment"/>; the temporary folder when there is no home at all.</summary>
    public static string Folder(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var cacheHome = environment("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cacheHome))
        {
            var home = environment("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            cacheHome = string.IsNullOrEmpty(home) ? Path.GetTempPath() : Path.Combine(home, ".cache");
        }

        return Path.Combine(cacheHome, "k2verifier");
    }
}
