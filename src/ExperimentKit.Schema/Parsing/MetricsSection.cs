using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>`metrics: [accuracy, f1]` — names as `evaluate` spells them. Absent: no metric besides the loss.</summary>
internal static class MetricsSection
{
    private static readonly ScalarType<MetricKind> Metric = ScalarTypes.Enum<MetricKind>();

    public static EquatableArray<MetricKind> Read(MappingReader root, ParseContext context)
    {
        var metrics = root.ReadList("metrics", Metric) ?? [];
        var seen = new HashSet<MetricKind>();
        foreach (var metric in metrics.Where(m => !seen.Add(m.Value)))
        {
            context.Report(SchemaRules.DuplicateKey, metric.Location, $"metric '{SnakeCase.From(metric.Value.ToString())}' is listed twice");
        }

        return new EquatableArray<MetricKind>(metrics.Select(m => m.Value).Distinct());
    }
}
