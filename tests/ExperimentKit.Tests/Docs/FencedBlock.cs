namespace ExperimentKit.Tests.Docs;

/// <summary>
/// One fenced code block of a Markdown file: its info string's language, its text (indentation of the fence removed),
/// the 1-based line of its opening fence, and the HTML comment markers written directly above it.
/// </summary>
internal sealed record FencedBlock(string File, int Line, string Language, string Text, IReadOnlyList<BlockMarker> Markers)
{
    /// <summary>`README.md:42`, how failures name the block.</summary>
    public string Where => $"{File}:{Line}";

    public BlockKind Kind => Language switch
    {
        "yaml" or "yml" => BlockKind.Yaml,
        "bash" or "sh" or "shell" => BlockKind.Shell,
        "csharp" or "cs" or "c#" => BlockKind.CSharp,
        "json" => BlockKind.Json,
        "" or "text" or "console" => BlockKind.Text,
        _ => BlockKind.Other,
    };

    /// <summary>The block's "not run" marker that names no command prefix: the whole block is left alone.</summary>
    public NotRunMarker? NotRun => Markers.OfType<NotRunMarker>().FirstOrDefault(m => m.Prefix is null);

    /// <summary>The yaml: marker's text, if any.</summary>
    public string? Yaml => Markers.OfType<KeywordMarker>().FirstOrDefault(m => m.Keyword == "yaml")?.Text;

    /// <summary>The output: marker's text, if any.</summary>
    public string? Output => Markers.OfType<KeywordMarker>().FirstOrDefault(m => m.Keyword == "output")?.Text;

    public override string ToString() => Where;
}

internal enum BlockKind
{
    Yaml,
    Shell,
    CSharp,
    Json,
    Text,
    Other,
}
