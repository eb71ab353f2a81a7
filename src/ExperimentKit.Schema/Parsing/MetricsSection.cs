using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Yaml;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// `metrics: [accuracy, {name: f1, average: macro}]` — names as `evaluate` spells them, each alone or as a mapping with
/// its compute arguments. Absent: no metric besides the loss. Whether a metric and its arguments fit the task is the
/// validator's call.
/// </summary>
internal static class MetricsSection
{
    private static readonly SectionKeyProperties Properties = SectionKeyProperties.Of(typeof(MetricSpec), MetricKeys.All);

    private static readonly ScalarType<object> Metric = ScalarTypes.Choice(MetricKeys.Name);

    public static EquatableArray<MetricSpec> Read(MappingReader root, ParseContext context, DatasetSpec dataset)
    {
        var items = root.Value(ExperimentKeys.Metrics.Name) switch
        {
            null or YamlScalar { IsNull: true } => [],
            YamlSequence sequence => sequence.Items,
            var other => Invalid(context, other),
        };

        var metrics = new List<MetricSpec>();
        var seen = new HashSet<MetricKind>();
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"metrics[{i}]";
            context.Locate(path, items[i].Start);
            if (Item(context, path, items[i], dataset) is not { } metric)
            {
                continue;
            }

            if (!seen.Add(metric.Kind))
            {
                context.Report(SchemaRules.DuplicateKey, items[i].Start, $"metric '{SnakeCase.From(metric.Kind.ToString())}' is listed twice; list it once");
                continue;
            }

            metrics.Add(metric);
        }

        return new EquatableArray<MetricSpec>(metrics);
    }

    private static IReadOnlyList<YamlNode> Invalid(ParseContext context, YamlNode node)
    {
        context.Report(SchemaRules.WrongValueType, node.Start, $"'metrics' must be a list, got {node.Describe()}");
        return [];
    }

    private static MetricSpec? Item(ParseContext context, string path, YamlNode node, DatasetSpec dataset)
    {
        if (node is YamlMapping mapping)
        {
            var r = new MappingReader(context, path, mapping, MetricKeys.All.Select(k => k.Name));
            r.Require(MetricKeys.Name.Name, Metric.Description);
            var spec = new MetricSpec();
            foreach (var key in MetricKeys.All)
            {
                // pos_label is a label id or one of the dataset's class names, which only the dataset knows.
                var fallback = Properties.Get(spec, key);
                Properties.Set(spec, key, key == MetricKeys.PosLabel ? PosLabel(context, r, dataset, (int)fallback!) : SectionReading.Value(r, key, fallback));
            }

            r.ReportUnknownKeys();
            return spec;
        }

        if (node is YamlScalar { IsNull: false } scalar && Metric.TryParse(scalar.Value, out var kind))
        {
            return MetricSpec.Of((MetricKind)kind);
        }

        var hint = Suggestions.ForValue(node, Metric.Choices);
        context.Report(SchemaRules.WrongValueType, node.Start, $"'{path}' must be {Metric.Description} (or a mapping with 'name' and its arguments), got {node.Describe()}{hint}");
        return null;
    }

    /// <summary>evaluate's pos_label is a label id; here the class name is accepted too.</summary>
    private static int PosLabel(ParseContext context, MappingReader r, DatasetSpec dataset, int fallback)
    {
        if (r.Value(MetricKeys.PosLabel.Name) is not YamlScalar { IsNull: false } written)
        {
            return fallback;
        }

        var byName = dataset.LabelNames.ToList().IndexOf(written.Value);
        if (byName >= 0)
        {
            return byName;
        }

        if (int.TryParse(written.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) && id >= 0 && id < dataset.LabelNames.Count)
        {
            return id;
        }

        context.Report(
            SchemaRules.OutOfRange,
            written.Start,
            $"'pos_label' must be a label id 0..{dataset.LabelNames.Count - 1} or one of {string.Join(", ", dataset.LabelNames)}, got '{written.Value}'");
        return fallback;
    }
}
