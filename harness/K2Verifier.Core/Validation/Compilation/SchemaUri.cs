namespace K2Verifier.Validation.Compilation;

/// <summary>URI joining as Python's <c>urllib.parse.urljoin</c> does it for schema identifiers.</summary>
internal static class SchemaUri
{
    private const string RelativeRoot = "relative://k2verifier/";

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/> ("" means no base).</summary>
    public static string Join(string baseUri, string reference)
    {
        if (reference.Length == 0)
        {
            return baseUri;
        }

        if (IsAbsolute(reference))
        {
            return Normalize(reference);
        }

        if (baseUri.Length == 0)
        {
            return reference;
        }

        if (reference[0] == '#')
        {
            return StripFragment(baseUri) + reference;
        }

        if (!IsAbsolute(baseUri))
        {
            var joined = new Uri(new Uri(RelativeRoot + baseUri), reference).AbsoluteUri;
            return joined.StartsWith(RelativeRoot, StringComparison.Ordinal) ? joined[RelativeRoot.Length..] : joined;
        }

        if (!IsHierarchical(baseUri))
        {
            return reference;
        }

        return new Uri(new Uri(baseUri), reference).AbsoluteUri;
    }

    /// <summary>Splits off the fragment (without '#'); an empty fragment is "".</summary>
    public static (string Uri, string Fragment) Split(string uri)
    {
        var hash = uri.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? (uri, string.Empty) : (uri[..hash], uri[(hash + 1)..]);
    }

    public static string StripFragment(string uri) => Split(uri).Uri;

    private static bool IsAbsolute(string uri)
    {
        var colon = uri.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        for (var i = 0; i < colon; i++)
        {
            var c = uri[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.') || (i == 0 && !char.IsAsciiLetter(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsHierarchical(string uri) => uri.Contains("://", StringComparison.Ordinal);

    private static string Normalize(string uri)
    {
        if (!IsHierarchical(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            return uri;
        }

        var text = parsed.AbsoluteUri;
        return uri.EndsWith('#') && !text.EndsWith('#') ? text + "#" : text;
    }
}
