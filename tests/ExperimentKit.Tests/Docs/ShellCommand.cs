using System.Text;
using System.Text.RegularExpressions;

namespace ExperimentKit.Tests.Docs;

/// <summary>
/// One command line of a shell block (continuation lines joined, the trailing comment cut off), what the block says it
/// does (a comment line under it: <c># exit code 2: error: ...</c> or <c># prints: ...</c>), and the marker that keeps
/// it from running, if any.
/// </summary>
internal sealed partial record ShellCommand(FencedBlock Block, int Line, string Text, int ExpectedExitCode, IReadOnlyList<string> ExpectedOutput, NotRunMarker? NotRun)
{
    public string Where => $"{Block.File}:{Line}";

    public static IReadOnlyList<ShellCommand> Of(FencedBlock block)
    {
        var commands = new List<ShellCommand>();
        var lines = block.Text.Split('\n');
        // Expectation comments belong to the command directly above them; any other line ends that.
        var expecting = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith('#') && expecting && Expectation().Match(line) is { Success: true } expected)
            {
                var last = commands[^1];
                commands[^1] = last with
                {
                    ExpectedExitCode = expected.Groups["code"].Success ? int.Parse(expected.Groups["code"].Value, System.Globalization.CultureInfo.InvariantCulture) : last.ExpectedExitCode,
                    ExpectedOutput = [.. last.ExpectedOutput, expected.Groups["text"].Value.Trim()],
                };
                continue;
            }

            expecting = false;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var first = i;
            var text = new StringBuilder();
            while (lines[i].TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                text.Append(lines[i].TrimEnd()[..^1]).Append(' ');
                i++;
            }

            text.Append(lines[i]);
            var command = WithoutComment(text.ToString()).Trim();
            var notRun = block.NotRun ?? block.Markers.OfType<NotRunMarker>().FirstOrDefault(m => m.Prefix is { } prefix && command.StartsWith(prefix, StringComparison.Ordinal));
            commands.Add(new ShellCommand(block, block.Line + 1 + first, command, 0, [], notRun));
            expecting = true;
        }

        return commands;
    }

    /// <summary>The line without a trailing `# comment` (a '#' that starts a word outside quotes).</summary>
    public static string WithoutComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } open)
            {
                if (c == open)
                {
                    quote = null;
                }
                else if (c == '\\' && open == '"')
                {
                    i++;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\')
            {
                i++;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    [GeneratedRegex(@"^#\s*(?:exit code (?<code>\d+)|prints):\s*(?<text>.+)$")]
    private static partial Regex Expectation();
}
