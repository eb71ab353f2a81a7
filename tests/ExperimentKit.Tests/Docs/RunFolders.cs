namespace ExperimentKit.Tests.Docs;

/// <summary>Run folders under an output_dir, as the docs' placeholders name them.</summary>
internal static class RunFolders
{
    private const string Incomplete = ".incomplete";

    /// <summary>The newest whole run (a folder without .incomplete, not a sweep), by its name, which starts with its start time.</summary>
    public static string? LatestFinished(string outputDir) =>
        Directory.Exists(outputDir)
            ? Directory.GetDirectories(outputDir)
                .Where(d => !d.EndsWith(Incomplete, StringComparison.Ordinal) && File.Exists(Path.Combine(d, "config.yaml")))
                .Order(StringComparer.Ordinal)
                .LastOrDefault()
            : null;

    /// <summary>The newest interrupted run with a checkpoint.</summary>
    public static string? LatestInterrupted(string outputDir) =>
        Directory.Exists(outputDir)
            ? Directory.GetDirectories(outputDir)
                .Where(d => d.EndsWith(Incomplete, StringComparison.Ordinal) && Checkpoints(d).Length > 0)
                .Order(StringComparer.Ordinal)
                .LastOrDefault()
            : null;

    public static string[] Checkpoints(string run)
    {
        var folder = Path.Combine(run, "checkpoints");
        return Directory.Exists(folder)
            ? [.. Directory.GetDirectories(folder, "checkpoint-*").OrderBy(d => int.Parse(Path.GetFileName(d)["checkpoint-".Length..], System.Globalization.CultureInfo.InvariantCulture))]
            : [];
    }

    /// <summary>
    /// An interrupted run made from a whole one: a copy named `&lt;run&gt;-stopped-N.incomplete`, which `--resume` continues
    /// from its checkpoint (the copy's training already reached its last step, so the resume finishes it).
    /// </summary>
    public static string Interrupt(string finishedRun)
    {
        for (var n = 1; ; n++)
        {
            var copy = $"{finishedRun}-stopped-{n}{Incomplete}";
            if (!Directory.Exists(copy) && !Directory.Exists(copy[..^Incomplete.Length]))
            {
                Copy(finishedRun, copy);
                return copy;
            }
        }
    }

    public static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
