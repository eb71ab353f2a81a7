using ExperimentKit.Schema;

namespace ExperimentKit.Cli;

/// <summary>`&lt;experiments/name.yaml&gt; [--set path=value]... [--resume [checkpoint folder]]`, options in any order.</summary>
public sealed record RunArguments(string ExperimentFile, IReadOnlyList<SettingOverride> Overrides, bool Resume, string? Checkpoint)
{
    /// <summary>Null when the arguments do not fit the form.</summary>
    public static RunArguments? Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return null;
        }

        var overrides = new List<SettingOverride>();
        var resume = false;
        string? checkpoint = null;
        for (var i = 1; i < args.Count; i++)
        {
            if (args[i] == "--set" && i + 1 < args.Count && SettingOverride.Parse(args[i + 1]) is { } setting)
            {
                overrides.Add(setting);
                i++;
            }
            else if (args[i] == "--resume" && !resume)
            {
                resume = true;
                if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    checkpoint = args[++i];
                }
            }
            else
            {
                return null;
            }
        }

        return new RunArguments(args[0], overrides, resume, checkpoint);
    }
}
