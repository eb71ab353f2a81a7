using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>The fenced code blocks of a Markdown file, with the HTML comment markers above each.</summary>
internal static partial class MarkdownBlocks
{
    public static IReadOnlyList<FencedBlock> Read(string file, string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var blocks = new List<FencedBlock>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (Fence().Match(lines[i]) is not { Success: true } open)
            {
                continue;
            }

            var indent = open.Groups["indent"].Value.Length;
            var fence = open.Groups["fence"].Value;
            var body = new List<string>();
            var start = i;
            for (i++; i < lines.Length && !IsClosing(lines[i], fence); i++)
            {
                body.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i].TrimStart());
            }

            if (i == lines.Length)
            {
                throw new InvalidDataException($"{file}:{start + 1}: a fenced block is never closed");
            }

            blocks.Add(new FencedBlock(file, start + 1, open.Groups["info"].Value.Trim().Split(' ')[0].ToLowerInvariant(), string.Join('\n', body) + "\n", MarkersAbove(lines, start)));
        }

        return blocks;
    }

    /// <summary>The HTML comments on the lines just above a fence, nearest last; blank lines may separate them.</summary>
    private static List<BlockMarker> MarkersAbove(string[] lines, int fenceLine)
    {
        var markers = new List<BlockMarker>();
        var line = fenceLine - 1;
        while (line >= 0)
        {
            var text = lines[line].Trim();
            if (text.Length == 0)
            {
                line--;
                continue;
            }

            if (!text.EndsWith("-->", StringComparison.Ordinal))
            {
                break;
            }

            // A comment may span lines: find its opening.
            var first = line;
            while (first >= 0 && !lines[first].TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                first--;
            }

            if (first < 0)
            {
                break;
            }

            var comment = string.Join(' ', lines[first..(line + 1)].Select(l => l.Trim()));
            markers.Insert(0, BlockMarker.Parse(comment["<!--".Length..^"-->".Length]));
            line = first - 1;
        }

        return markers;
    }

    private static bool IsClosing(string line, string fence)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= fence.Length && trimmed.All(c => c == fence[0]) && trimmed.StartsWith(fence, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(?<indent>\s*)(?<fence>```+|~~~+)(?<info>[^`]*)$")]
    private static partial Regex Fence();
}
