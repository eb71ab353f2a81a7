using System.CommandLine;
using System.CommandLine.Parsing;
using ExperimentKit.Schema;

namespace ExperimentKit.Cli;

/// <summary>Options several commands take, spelled and checked the same way everywhere.</summary>
internal static class SharedOptions
{
    public static Option<SettingOverride[]> Set() => new("--set")
    {
        Description = "Override a setting for this run, as path=value (training.learning_rate=3e-5); checked like the file; repeatable.",
        AllowMultipleArgumentsPerToken = false,
        CustomParser = result =>
        {
            var overrides = new List<SettingOverride>();
            foreach (var token in result.Tokens)
            {
                if (SettingOverride.Parse(token.Value) is { } setting)
                {
                    overrides.Add(setting);
                }
                else
                {
                    result.AddError($"--set {token.Value}: expected section.key=value, such as training.learning_rate=3e-5");
                }
            }

            return [.. overrides];
        },
    };

    /// <summary>
    /// LibTorch's intra-op threads. Results on CPU can depend on the thread count, so a sweep records the count each
    /// trial ran with in the trial's command.
    /// </summary>
    public static Option<int?> Threads() => new("--threads")
    {
        Description = "Threads LibTorch computes with (default: one per core).",
        Validators = { result => AtLeastOne(result, "--threads") },
    };

    /// <summary>A count option (threads, parallel trials) below 1 is a usage error naming the option.</summary>
    public static void AtLeastOne(OptionResult result, string name)
    {
        if (result.GetValueOrDefault<int?>() is < 1)
        {
            result.AddError($"{name} must be at least 1");
        }
    }
}
