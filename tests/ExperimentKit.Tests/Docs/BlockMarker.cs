using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// An HTML comment directly above a fenced block (blank lines and other markers may stand between them), telling the
/// docs tests how to exercise the block. The forms (docs/contributing-docs.md lists them with their meaning):
/// <c>&lt;!-- not run: reason --&gt;</c>, <c>&lt;!-- not run `prefix`: reason --&gt;</c>, <c>&lt;!-- yaml: ... --&gt;</c> and
/// <c>&lt;!-- output: ... --&gt;</c>. Anything else directly above a block is an <see cref="UnknownMarker"/>, which fails.
/// </summary>
internal abstract partial record BlockMarker(string Comment)
{
    public static BlockMarker Parse(string comment)
    {
        var text = comment.Trim();
        if (NotRunForm().Match(text) is { Success: true } notRun)
        {
            return new NotRunMarker(comment, notRun.Groups["prefix"].Success ? notRun.Groups["prefix"].Value : null, notRun.Groups["reason"].Value.Trim());
        }

        if (KeywordForm().Match(text) is { Success: true } keyword)
        {
            return new KeywordMarker(comment, keyword.Groups["keyword"].Value, keyword.Groups["text"].Value.Trim());
        }

        return new UnknownMarker(comment);
    }

    [GeneratedRegex(@"^not run(?:\s+`(?<prefix>[^`]+)`)?\s*:(?<reason>.*)$", RegexOptions.Singleline)]
    private static partial Regex NotRunForm();

    [GeneratedRegex(@"^(?<keyword>yaml|output)\s*:(?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex KeywordForm();
}

/// <summary>A block (no prefix) or each of its command lines that starts with <see cref="Prefix"/> is not run, for <see cref="Reason"/>.</summary>
internal sealed record NotRunMarker(string Comment, string? Prefix, string Reason) : BlockMarker(Comment)
{
    /// <summary>A reason says something: a few words, not a bare "no" or "-".</summary>
    public bool HasReason => Reason.Count(char.IsLetter) >= 8;
}

internal sealed record KeywordMarker(string Comment, string Keyword, string Text) : BlockMarker(Comment);

internal sealed record UnknownMarker(string Comment) : BlockMarker(Comment);
