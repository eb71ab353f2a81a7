using ExperimentKit.Data;

namespace ExperimentKit.Cli;

/// <summary>`predict &lt;model folder&gt; [--split validation|train|test] [experiments/name.yaml]`.</summary>
public sealed record PredictArguments(string ModelFolder, DatasetSplit Split, string? ExperimentFile)
{
    /// <summary>Null when the arguments do not fit the form.</summary>
    public static PredictArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        var split = DatasetSplit.Validation;
        string? file = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--split" && i + 1 < args.Count && Enum.TryParse<DatasetSplit>(args[i + 1], ignoreCase: true, out var named))
            {
                split = named;
                i++;
            }
            else if (file is null && args[i].EndsWith(".yaml", StringComparison.Ordinal))
            {
                file = args[i];
            }
            else
            {
                return null;
            }
        }

        return new PredictArguments(args[0], split, file);
    }

    /// <summary>
    /// The config.yaml a run folder keeps: in the folder itself (a run), or two levels up (checkpoints/checkpoint-N)
    /// or one (best/).
    /// </summary>
    public static string? ResolvedConfigOf(string modelFolder)
    {
        var folder = new DirectoryInfo(Path.GetFullPath(modelFolder));
        for (var up = 0; up <= 2 && folder is not null; up++, folder = folder.Parent)
        {
            var config = Path.Combine(folder.FullName, "config.yaml");
            if (File.Exists(config))
            {
                return config;
            }
        }

        return null;
    }
}
