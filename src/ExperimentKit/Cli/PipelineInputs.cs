using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExperimentKit.Cli;

/// <summary>
/// The pipeline command's inputs: the texts given as arguments, else the lines of --file, else standard input. A line
/// that starts with '{' is a JSON Lines record with named fields; any other non-empty line is one text.
/// </summary>
internal static class PipelineInputs
{
    public static IReadOnlyList<PipelineRecord> Read(IReadOnlyList<string> texts, string? file, TextReader standardInput)
    {
        if (texts.Count > 0)
        {
            return [.. texts.Select((text, i) => new PipelineRecord($"argument {i + 1}", text, null))];
        }

        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new PipelineInputException($"input file not found: {Path.GetFullPath(file)}");
            }

            return Lines(File.ReadLines(file), file);
        }

        return Lines(ReadAll(standardInput), "stdin");
    }

    private static IEnumerable<string> ReadAll(TextReader reader)
    {
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    private static List<PipelineRecord> Lines(IEnumerable<string> lines, string source)
    {
        var records = new List<PipelineRecord>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var where = $"{source}:{number}";
            if (line.TrimStart().StartsWith('{'))
            {
                records.Add(new PipelineRecord(where, null, Parse(line, where)));
            }
            else if (line.Length > 0)
            {
                records.Add(new PipelineRecord(where, line, null));
            }
        }

        return records;
    }

    private static JsonObject Parse(string line, string where)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? throw new PipelineInputException($"{where}: expected one JSON object per line");
        }
        catch (JsonException e)
        {
            throw new PipelineInputException($"{where}: not valid JSON ({e.Message})");
        }
    }
}
