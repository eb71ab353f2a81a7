namespace ExperimentKit.Sweeps;

/// <summary>
/// Where a sweep keeps things, under output_dir/sweep: the plan, one run folder per trial (trials/&lt;id&gt;, built as
/// trials/&lt;id&gt;.incomplete), each trial's log and last failure, the locks that keep two processes off one trial,
/// and the summary. Every trial owns its files, so shards on many machines share the folder without clashing.
/// </summary>
public sealed record SweepLayout(string Root)
{
    public const string FolderName = "sweep";

    public static SweepLayout ForOutputDir(string outputDir) => new(Path.GetFullPath(Path.Combine(outputDir, FolderName)));

    public string PlanFile => Path.Combine(Root, "sweep.json");

    public string TrialsFolder => Path.Combine(Root, "trials");

    public string Trial(string id) => Path.Combine(TrialsFolder, id);

    public string Log(string id) => Path.Combine(TrialsFolder, id + ".log");

    public string Failure(string id) => Path.Combine(TrialsFolder, id + ".failed.json");

    public string Lock(string id) => Path.Combine(Root, "locks", id + ".lock");

    public string Summary(string extension) => Path.Combine(Root, "summary." + extension);

    public string Plot(string fileName) => Path.Combine(Root, fileName);
}
