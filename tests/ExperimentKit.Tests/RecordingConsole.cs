using Spectre.Console;

namespace ExperimentKit.Tests;

/// <summary>A Spectre console that keeps what was written, on one line per message.</summary>
internal sealed class RecordingConsole
{
    private readonly StringWriter writer = new();

    public RecordingConsole()
    {
        Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No });
        Console.Profile.Width = 100_000;
    }

    public IAnsiConsole Console { get; }

    public string Text => writer.ToString();
}
