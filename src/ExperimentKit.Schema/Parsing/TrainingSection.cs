using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`training:` — TrainingArguments keys, as <see cref="TrainingKeys"/> declares them.</summary>
internal static class TrainingSection
{
    public static TrainingSpec Read(MappingReader root)
    {
        var r = root.Section(ExperimentKeys.Training, "TrainingArguments keys such as learning_rate", TrainingKeys.All.Select(k => k.Name));
        var spec = SectionReading.Read(r, new TrainingSpec(), TrainingKeys.All);
        r.ReportUnknownKeys();
        return spec;
    }
}
