namespace K2Verifier.Cli;

/// <summary>
/// The clone the tool was built in (the folder with <c>K2Verifier.sln</c> above the running assembly), so default paths
/// such as <c>datasets/k2v-4000</c> resolve there whatever the working directory; the working directory when the tool
/// runs outside a clone.
/// </summary>
internal static class ToolHome
{
    /// <summary>The clone's root, else the current directory.</summary>
    public static string Root { get; } = Find(AppContext.BaseDirectory) ?? Directory.GetCurrentDirectory();

    /// <summary><paramref name="parts"/> under <see cref="Root"/>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>The nearest folder at or above <paramref name="start"/> holding K2Verifier.sln; null when none does.</summary>
    internal static string? Find(string start)
    {
        for (var dir = System.IO.Path.GetFullPath(start); dir is not null; dir = System.IO.Path.GetDirectoryName(dir))
        {
            if (File.Exists(System.IO.Path.Combine(dir, "K2Verifier.sln")))
            {
                return dir;
            }
        }

        return null;
    }
}
