using System;
using System.Linq;

namespace ExperimentKit.Schema;

/// <summary>One `--set path=value` of the command line: a dotted key path (training.learning_rate) and a YAML value.</summary>
public sealed record SettingOverride(string Path, string Value)
{
    /// <summary>`training.learning_rate=3e-5` → the override; null when the text has no key path before '='.</summary>
    public static SettingOverride? Parse(string text)
    {
        var equals = text.IndexOf('=');
        if (equals <= 0)
        {
            return null;
        }

        var path = text.Substring(0, equals).Trim();
        return path.Split('.').Any(string.IsNullOrWhiteSpace) ? null : new SettingOverride(path, text.Substring(equals + 1));
    }

    public override string ToString() => $"{Path}={Value}";
}
