namespace K2Verifier.Validation.Evaluation;

/// <summary>
/// Which properties and items of one instance location the successful subschemas evaluated; the input of
/// <c>unevaluatedProperties</c> and <c>unevaluatedItems</c>. Only created where such a keyword needs it.
/// </summary>
internal sealed class Annotations
{
    private HashSet<string>? _properties;
    private HashSet<int>? _items;

    public bool AllProperties { get; private set; }

    public bool AllItems { get; private set; }

    /// <summary>Items 0..PrefixItems-1 were evaluated (prefixItems, draft-07 array items).</summary>
    public int PrefixItems { get; private set; }

    public void AddProperty(string name) => (_properties ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);

    public void MarkAllProperties() => AllProperties = true;

    public void AddItem(int index) => (_items ??= []).Add(index);

    public void MarkAllItems() => AllItems = true;

    public void AddPrefix(int count) => PrefixItems = Math.Max(PrefixItems, count);

    public bool IsPropertyEvaluated(string name) => AllProperties || (_properties?.Contains(name) ?? false);

    public bool IsItemEvaluated(int index) => AllItems || index < PrefixItems || (_items?.Contains(index) ?? false);

    public void MergeFrom(Annotations other)
    {
        AllProperties |= other.AllProperties;
        AllItems |= other.AllItems;
        PrefixItems = Math.Max(PrefixItems, other.PrefixItems);
        if (other._properties is not null)
        {
            (_properties ??= new HashSet<string>(StringComparer.Ordinal)).UnionWith(other._properties);
        }

        if (other._items is not null)
        {
            (_items ??= []).UnionWith(other._items);
        }
    }
}
