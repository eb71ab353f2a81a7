using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// Every relative link of README.md and docs/ leads somewhere: the file or folder exists, and an anchor names a heading
/// of the page it points at (GitHub's slugs: lower case, punctuation dropped, spaces as hyphens).
/// </summary>
public sealed partial class LinkTests
{
    [Fact]
    public void Every_relative_link_leads_to_a_file_and_heading_that_exist()
    {
        var broken = new List<string>();
        foreach (var file in DocFiles.All)
        {
            foreach (var (line, target) in Links(file))
            {
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var path = hash < 0 ? target : target[..hash];
                var anchor = hash < 0 ? null : target[(hash + 1)..];
                var resolved = path.Length == 0 ? file : Path.GetRelativePath(DocFiles.Root, Path.GetFullPath(Path.Combine(DocFiles.Root, Path.GetDirectoryName(file)!, path))).Replace('\\', '/');
                if (!File.Exists(DocFiles.PathOf(resolved)) && !Directory.Exists(DocFiles.PathOf(resolved)))
                {
                    broken.Add($"{file}:{line}: {target}: no {resolved}");
                }
                else if (anchor is not null && resolved.EndsWith(".md", StringComparison.Ordinal) && !Headings(resolved).Contains(anchor))
                {
                    broken.Add($"{file}:{line}: {target}: {resolved} has no heading #{anchor}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join('\n', broken));
    }

    /// <summary>The relative links of a page's prose (not of its code blocks or inline code).</summary>
    private static IEnumerable<(int Line, string Target)> Links(string file)
    {
        foreach (var (line, text) in Prose(file))
        {
            foreach (Match link in Link().Matches(InlineCode().Replace(text, "")))
            {
                var target = link.Groups["target"].Value;
                if (!target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    yield return (line, target);
                }
            }
        }
    }

    private static HashSet<string> Headings(string file) =>
        [.. Prose(file).Where(l => l.Text.StartsWith('#')).Select(l => Slug(l.Text.TrimStart('#').Trim()))];

    private static string Slug(string heading) =>
        string.Concat(heading.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

    /// <summary>The page's lines outside fenced blocks, numbered from 1.</summary>
    private static IEnumerable<(int Line, string Text)> Prose(string file)
    {
        var inFence = false;
        var number = 0;
        foreach (var text in File.ReadLines(DocFiles.PathOf(file)))
        {
            number++;
            if (Fence().IsMatch(text))
            {
                inFence = !inFence;
                continue;
            }

            if (!inFence)
            {
                yield return (number, text);
            }
        }
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^\s*(```|~~~)")]
    private static partial Regex Fence();
}
