using System.Text.Json;

namespace ExperimentKit.Data.Records;

/// <summary>The reason a JSON text is malformed, for messages that state its position themselves.</summary>
internal static class JsonErrors
{
    /// <summary>
    /// System.Text.Json's message without the " Path: $ | LineNumber: 0 | BytePositionInLine: 5." it appends: those
    /// numbers are 0-based and, for one line of a JSON Lines file, always line 0, so the callers give the position 1-based.
    /// </summary>
    public static string Reason(JsonException error)
    {
        var message = error.Message;
        var cut = new[] { message.IndexOf(" Path:", StringComparison.Ordinal), message.IndexOf(" LineNumber:", StringComparison.Ordinal) }
            .Where(i => i >= 0)
            .DefaultIfEmpty(message.Length)
            .Min();
        return message[..cut].TrimEnd(' ', '.', '|');
    }

    /// <summary>The 1-based byte of the line at which the error was found, when System.Text.Json says.</summary>
    public static string Where(JsonException error) =>
        error.BytePositionInLine is { } position ? $"byte {position + 1}" : "an unknown byte";
}
