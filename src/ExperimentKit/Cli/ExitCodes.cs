namespace ExperimentKit.Cli;

/// <summary>What the program's exit status means, the same for every command (docs/experiment-files.md lists them).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A run started and failed (training diverged, the disk filled, a sweep's trial failed).</summary>
    public const int RunFailed = 1;

    /// <summary>The input is wrong: the command line, the experiment file or its data; nothing ran.</summary>
    public const int BadInput = 2;
}
