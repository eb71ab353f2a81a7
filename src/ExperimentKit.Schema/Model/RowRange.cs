using System.Globalization;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// Rows of a data file, as a Python slice without step ("[:1000]", "1000:", "100:200"), the way `datasets` slices a
/// split ("validation[:1000]"): 0-based, end exclusive, either end open. It lets one file give two splits, as
/// CommonsenseQA's only labelled file must here.
/// </summary>
public readonly record struct RowRange(int? Start, int? End)
{
    public static bool TryParse(string text, out RowRange range)
    {
        range = default;
        var body = text.Trim();
        if (body.StartsWith("[", System.StringComparison.Ordinal) && body.EndsWith("]", System.StringComparison.Ordinal))
        {
            body = body.Substring(1, body.Length - 2);
        }

        var parts = body.Split(':');
        if (parts.Length != 2 || !TryBound(parts[0], out var start) || !TryBound(parts[1], out var end) || (start is { } s && end is { } e && e <= s))
        {
            return false;
        }

        range = new RowRange(start, end);
        return true;
    }

    /// <summary>Whether the 0-based row belongs to the range.</summary>
    public bool Contains(int row) => row >= (Start ?? 0) && (End is not { } end || row < end);

    /// <summary>True once no later row can belong to the range (a reader may stop).</summary>
    public bool IsPast(int row) => End is { } end && row >= end;

    public override string ToString() =>
        $"[{Start?.ToString(CultureInfo.InvariantCulture)}:{End?.ToString(CultureInfo.InvariantCulture)}]";

    private static bool TryBound(string text, out int? bound)
    {
        bound = null;
        if (text.Trim().Length == 0)
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            bound = value;
            return true;
        }

        return false;
    }
}
