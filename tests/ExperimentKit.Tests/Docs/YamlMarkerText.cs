using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// What a <c>&lt;!-- yaml: ... --&gt;</c> marker asks: <c>merged over experiments/x.yaml</c> (optionally
/// <c>, replacing dataset</c>), <c>excerpt of experiments/x.yaml</c>, <c>fails EK0101</c> (alone or after a merge), or
/// <c>checked by SomeTests</c> for YAML that is not an experiment.
/// </summary>
internal sealed partial record YamlMarkerText(string? MergedOver, IReadOnlyList<string> Replacing, string? ExcerptOf, string? Fails, string? CheckedBy)
{
    public static YamlMarkerText? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        string? merged = null, excerpt = null, fails = null, checkedBy = null;
        var replacing = new List<string>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (Part().Match(part) is not { Success: true } match)
            {
                return null;
            }

            var value = match.Groups["value"].Value.Trim();
            switch (match.Groups["verb"].Value)
            {
                case "merged over":
                    merged = value;
                    break;
                case "replacing":
                    replacing.AddRange(value.Split(" and ", StringSplitOptions.TrimEntries));
                    break;
                case "excerpt of":
                    excerpt = value;
                    break;
                case "fails":
                    fails = value;
                    break;
                default:
                    checkedBy = value;
                    break;
            }
        }

        return new YamlMarkerText(merged, replacing, excerpt, fails, checkedBy);
    }

    [GeneratedRegex(@"^(?<verb>merged over|replacing|excerpt of|fails|checked by)\s+(?<value>.+)$")]
    private static partial Regex Part();
}
