namespace K2Verifier.Json;

/// <summary>Orders strings by Unicode code point, as Python compares <c>str</c> (UTF-16 ordinal order differs above U+FFFF).</summary>
public sealed class CodePointComparer : IComparer<string>
{
    /// <summary>The shared instance.</summary>
    public static CodePointComparer Instance { get; } = new();

    /// <inheritdoc />
    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a == b)
            {
                continue;
            }

            var aSurrogate = char.IsSurrogate(a);
            var bSurrogate = char.IsSurrogate(b);
            if (aSurrogate == bSurrogate)
            {
                return a.CompareTo(b);
            }

            // A surrogate stands for a code point above U+FFFF, greater than any BMP character.
            return aSurrogate ? 1 : -1;
        }

        return x.Length.CompareTo(y.Length);
    }
}
