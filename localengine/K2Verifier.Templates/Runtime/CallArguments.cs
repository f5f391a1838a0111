namespace K2Verifier.Templates.Runtime;

/// <summary>The positional and keyword arguments of a call, with Python-style binding helpers.</summary>
internal sealed class CallArguments
{
    public CallArguments(IReadOnlyList<object?> positional, IReadOnlyList<KeyValuePair<string, object?>> keywords)
    {
        Positional = positional;
        Keywords = keywords;
    }

    public static CallArguments None { get; } = new([], []);

    public IReadOnlyList<object?> Positional { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Keywords { get; }

    public int Count => Positional.Count + Keywords.Count;

    /// <summary>The argument at <paramref name="position"/> or named <paramref name="name"/>, else <paramref name="fallback"/>.</summary>
    public object? Get(int position, string name, object? fallback = null)
    {
        return TryGet(position, name, out var value) ? value : fallback;
    }

    public bool TryGet(int position, string name, out object? value)
    {
        if (position >= 0 && position < Positional.Count)
        {
            value = Positional[position];
            return true;
        }

        foreach (var pair in Keywords)
        {
            if (pair.Key == name)
            {
                value = pair.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    public object? Require(int position, string name, string function)
    {
        return TryGet(position, name, out var value)
            ? value
            : throw JinjaError.Type($"{function}() missing required argument '{name}'");
    }

    /// <summary>Raises Python's TypeError when more arguments are given than <paramref name="names"/> accepts.</summary>
    public CallArguments Accept(string function, params string[] names)
    {
        if (Positional.Count > names.Length)
        {
            throw JinjaError.Type($"{function}() takes at most {names.Length} arguments ({Positional.Count} given)");
        }

        foreach (var pair in Keywords)
        {
            var index = Array.IndexOf(names, pair.Key);
            if (index < 0)
            {
                throw JinjaError.Type($"{function}() got an unexpected keyword argument '{pair.Key}'");
            }

            if (index < Positional.Count)
            {
                throw JinjaError.Type($"{function}() got multiple values for argument '{pair.Key}'");
            }
        }

        return this;
    }

    /// <summary>The same call with <paramref name="first"/> prepended (a filter's input value).</summary>
    public CallArguments Prepend(object? first) => new([first, .. Positional], Keywords);

    /// <summary>The same call without the first <paramref name="count"/> positional arguments.</summary>
    public CallArguments Skip(int count) => new(Positional.Skip(count).ToList(), Keywords);
}
