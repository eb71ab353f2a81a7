using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Sweeps;

/// <summary>
/// One setting of one point of a sweep: a key path and where the sweep names it, and its value as YAML text and where
/// the sweep writes it (for a drawn value, the distribution).
/// </summary>
public readonly record struct SweptSetting(string Path, SourceLocation PathLocation, string Value, SourceLocation Location)
{
    public SettingOverride ToOverride() => new(Path, Value);

    public override string ToString() => $"{Path}={Value}";
}
