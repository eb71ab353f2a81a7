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
    private static readonly ScalarType<MetricKind> Metric = ScalarTypes.Enum<MetricKind>();
    private static readonly ScalarType<Averaging> Average = ScalarTypes.Enum<Averaging>();
    private static readonly ScalarType<SeqevalMode> Mode = ScalarTypes.Enum<SeqevalMode>();
    private static readonly ScalarType<TagScheme> Scheme = ScalarTypes.Enum<TagScheme>();

    public static EquatableArray<MetricSpec> Read(MappingReader root, ParseContext context, DatasetSpec dataset)
    {
        var items = root.Value("metrics") switch
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
                context.Report(SchemaRules.DuplicateKey, items[i].Start, $"metric '{SnakeCase.From(metric.Kind.ToString())}' is listed twice");
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
            var r = new MappingReader(context, path, mapping);
            r.Require("name", Metric.Description);
            var spec = new MetricSpec
            {
                Kind = r.Read("name", MetricKind.Accuracy, Metric),
                Average = r.Read("average", Averaging.Binary, Average),
                PosLabel = PosLabel(context, r, dataset),
                Mode = r.Read("mode", SeqevalMode.Default, Mode),
                Scheme = r.Read("scheme", TagScheme.Iob2, Scheme),
            };
            r.ReportUnknownKeys();
            return spec;
        }

        if (node is YamlScalar { IsNull: false } scalar && Metric.TryParse(scalar.Value, out var kind))
        {
            return MetricSpec.Of(kind);
        }

        var hint = Suggestions.ForValue(node, Metric.Choices);
        context.Report(SchemaRules.WrongValueType, node.Start, $"'{path}' must be {Metric.Description} (or a mapping with 'name' and its arguments), got {node.Describe()}{hint}");
        return null;
    }

    /// <summary>evaluate's pos_label is a label id; here the class name is accepted too.</summary>
    private static int PosLabel(ParseContext context, MappingReader r, DatasetSpec dataset)
    {
        if (r.Value("pos_label") is not YamlScalar { IsNull: false } written)
        {
            return 1;
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
        return 1;
    }
}
