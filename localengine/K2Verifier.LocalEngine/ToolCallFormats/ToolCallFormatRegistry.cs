namespace K2Verifier.LocalEngine.ToolCallFormats;

/// <summary>The known tool-call formats by name.</summary>
public static class ToolCallFormatRegistry
{
    private static readonly IToolCallFormat[] Formats =
    [
        KimiK2ToolCallFormat.Instance,
        HermesToolCallFormat.Instance,
        DeepSeekV3ToolCallFormat.Instance,
        Llama3JsonToolCallFormat.Instance,
    ];

    /// <summary>Every format, in a stable order.</summary>
    public static IReadOnlyList<IToolCallFormat> All => Formats;

    /// <summary>The format names: <c>kimi-k2</c>, <c>hermes</c>, <c>deepseek-v3</c>, <c>llama3-json</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Formats.Select(f => f.Name)];

    /// <summary>The format called <paramref name="name"/> (case-insensitive; <c>qwen</c> is an alias of <c>hermes</c>).</summary>
    public static bool TryGet(string name, out IToolCallFormat format)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = name.Equals("qwen", StringComparison.OrdinalIgnoreCase) ? HermesToolCallFormat.Instance.Name : name;
        format = Formats.FirstOrDefault(f => f.Name.Equals(key, StringComparison.OrdinalIgnoreCase))!;
        return format is not null;
    }

    /// <summary>The format called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such format; the message lists the valid names.</exception>
    public static IToolCallFormat Get(string name) => TryGet(name, out var format)
        ? format
        : throw new ArgumentException($"tool-call format \"{name}\" is unknown. Valid values: {string.Join(", ", Names)}.", nameof(name));
}
