namespace ExperimentKit.Data;

/// <summary>
/// Orders IOB-style tags as label lists are usually written: "O" first, then by entity type, and within a type
/// B- before I- before any other prefix (E-, S- of IOBES, alphabetically). A tag without a prefix sorts as a type.
/// </summary>
internal sealed class EntityTagOrder : IComparer<string>
{
    public static EntityTagOrder Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }

        (string xPrefix, string xType) = Split(x);
        (string yPrefix, string yType) = Split(y);
        int order = OutsideRank(x).CompareTo(OutsideRank(y));
        if (order == 0)
        {
            order = string.CompareOrdinal(xType, yType);
        }

        if (order == 0)
        {
            order = PrefixRank(xPrefix).CompareTo(PrefixRank(yPrefix));
        }

        return order != 0 ? order : string.CompareOrdinal(xPrefix, yPrefix);
    }

    private static int OutsideRank(string tag) => tag == "O" ? 0 : 1;

    private static (string Prefix, string Type) Split(string tag)
    {
        int dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? (string.Empty, tag) : (tag[..dash], tag[(dash + 1)..]);
    }

    private static int PrefixRank(string prefix) => prefix switch
    {
        "B" => 0,
        "I" => 1,
        _ => 2,
    };
}
