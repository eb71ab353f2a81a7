using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`task: sequence_classification`, or the mapping form `task: {type: sequence_classification}`.</summary>
internal static class TaskSection
{
    private static readonly ScalarType<TaskKind> Kind = ScalarTypes.Enum<TaskKind>();

    public static TaskSpec Read(MappingReader root)
    {
        var d = new TaskSpec();
        if (root.Peek("task") is YamlScalar { IsNull: false })
        {
            return new TaskSpec { Kind = root.Read("task", d.Kind, Kind) };
        }

        var r = root.Section("task", required: true, "the head on the encoder, e.g. 'task: sequence_classification'");
        if (root.Has("task"))
        {
            r.Require("type", Kind.Description);
        }

        var spec = new TaskSpec { Kind = r.Read("type", d.Kind, Kind) };
        r.ReportUnknownKeys();
        return spec;
    }
}
