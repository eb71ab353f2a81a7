using System.Text.Json.Nodes;

namespace ExperimentKit.Cli;

/// <summary>
/// One input of the pipeline command: a plain text (an argument, or a line), or a JSON Lines object with named fields
/// ({"text", "text_pair"}, {"question", "context"}), and where it came from for errors.
/// </summary>
internal sealed record PipelineRecord(string Where, string? Text, JsonObject? Fields)
{
    /// <summary>The field, or the plain text for <paramref name="textField"/>; an error naming the place when missing.</summary>
    public string Required(string field, string textField = "text") =>
        Optional(field, textField) ?? throw new PipelineInputException(
            Fields is null
                ? $"{Where}: a plain line gives only '{textField}'; write a JSON object with \"{field}\" instead"
                : $"{Where}: no \"{field}\" field (the record has: {string.Join(", ", Fields.Select(p => p.Key))})");

    public string? Optional(string field, string textField = "text")
    {
        if (Fields is null)
        {
            return field == textField ? Text : null;
        }

        return Fields[field] switch
        {
            null => null,
            JsonValue value when value.TryGetValue(out string? text) => text,
            _ => throw new PipelineInputException($"{Where}: \"{field}\" must be a string"),
        };
    }
}

/// <summary>An input the pipeline command cannot use; the message names the file and line.</summary>
internal sealed class PipelineInputException(string message) : Exception(message);
