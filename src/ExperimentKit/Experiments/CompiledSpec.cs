using ExperimentKit.Schema.Model;

namespace ExperimentKit.Experiments;

/// <summary>
/// The program runs the spec the generator compiled. The YAML file is read again only for what the compiled spec
/// leaves out: source locations, and `--set` overrides, which are checked as written values are. These checks keep the
/// two honest: a file edited since the build, or an override of something the generated types fix, is said, not run.
/// </summary>
public static class CompiledSpec
{
    /// <summary>The sections of the file as it is now that differ from the compiled ones; empty when the build is current.</summary>
    public static IReadOnlyList<string> Drift(ExperimentSpec compiled, ExperimentSpec file)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(file);
        var sections = new (string Name, object Compiled, object File)[]
        {
            ("name", compiled.Name, file.Name),
            ("model", compiled.Model, file.Model),
            ("task", compiled.Task, file.Task),
            ("dataset", compiled.Dataset, file.Dataset),
            ("tokenizer", compiled.Tokenizer, file.Tokenizer),
            ("collator", compiled.Collator, file.Collator),
            ("metrics", compiled.Metrics, file.Metrics),
            ("training", compiled.Training, file.Training),
        };
        return sections.Where(s => !Equals(s.Compiled, s.File)).Select(s => s.Name).ToArray();
    }

    /// <summary>Settings an override changed that the generated label enum, batch or model class are built from.</summary>
    public static IReadOnlyList<string> TypeChanges(ExperimentSpec compiled, ExperimentSpec overridden)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(overridden);
        return TypeShapingSettings.Changes(compiled, overridden);
    }

    /// <summary>
    /// The spec to run: the compiled one with the file's locations, or, where the settings differ on purpose (overrides,
    /// or another file of the experiment's name, such as a run's config.yaml), the file as parsed with its overrides.
    /// </summary>
    public static ExperimentSpec ToRun(ExperimentSpec compiled, ExperimentSpec parsed, bool differsOnPurpose)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(parsed);
        return differsOnPurpose ? parsed : compiled with { Locations = parsed.Locations };
    }
}
