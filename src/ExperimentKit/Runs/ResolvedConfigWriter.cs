using System.Collections;
using System.Globalization;
using System.Text;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using YamlDotNet.RepresentationModel;

namespace ExperimentKit.Runs;

/// <summary>
/// The experiment as it actually ran, every default filled in, written back as YAML with the
/// same snake_case keys the user writes — it can be run again as it is. A model started from a checkpoint keeps
/// only the config keys the experiment wrote: the rest are the checkpoint's config.json's, which a written default
/// would contradict (an architecture key, EK0401) or override (a dropout, classifier_pooling) on the next run.
/// </summary>
public static class ResolvedConfigWriter
{
    public static string ToYaml(ExperimentSpec spec)
    {
        var root = new YamlMappingNode
        {
            { "name", spec.Name },
            { "model", Model(spec) },
            { "task", Task(spec.Task) },
            { "dataset", Section(spec.Dataset) },
            { "tokenizer", Section(spec.Tokenizer) },
            { "collator", Section(spec.Collator) },
            { "metrics", new YamlSequenceNode(spec.Metrics.Select(Metric)) },
            { "training", Section(spec.Training) },
        };

        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        }

        return builder.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
    }

    private static YamlMappingNode Model(ExperimentSpec spec)
    {
        var node = Section(spec.Model);
        if (spec.Model.PretrainedModelNameOrPath is null)
        {
            return node;
        }

        var fromCheckpoint = ConfigKeyTable.For(spec.Model.ModelType).Keys
            .Select(key => key.Name)
            .Where(key => !spec.Locations.Paths.Contains("model." + key, StringComparer.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        return new YamlMappingNode(node.Children.Where(entry => !fromCheckpoint.Contains(((YamlScalarNode)entry.Key).Value!)));
    }

    /// <summary>`type` and the head's options; the head family and its spelling are fixed by the record type.</summary>
    private static YamlMappingNode Task(TaskSpec task)
    {
        var node = new YamlMappingNode { { "type", SnakeCase.From(task.Spelling.ToString()) } };
        foreach (var property in SpecProperties.Of(task.GetType()).Where(p => p.SetMethod is not null))
        {
            if (property.GetValue(task) is { } value)
            {
                node.Add(SnakeCase.From(property.Name), Value(value));
            }
        }

        return node;
    }

    /// <summary>A metric with the compute arguments it takes, so the file parses back as it is (an argument a metric does not take is an error).</summary>
    private static YamlNode Metric(MetricSpec metric)
    {
        var name = SnakeCase.From(metric.Kind.ToString());
        return metric.Kind switch
        {
            MetricKind.F1 or MetricKind.Precision or MetricKind.Recall => new YamlMappingNode
            {
                { "name", name },
                { "average", Value(metric.Average) },
                { "pos_label", Value(metric.PosLabel) },
            },
            MetricKind.Seqeval when metric.Mode == SeqevalMode.Strict => new YamlMappingNode
            {
                { "name", name },
                { "mode", Value(metric.Mode) },
                { "scheme", Value(metric.Scheme) },
            },
            _ => new YamlScalarNode(name),
        };
    }

    private static YamlMappingNode Section(object record)
    {
        var node = new YamlMappingNode();
        foreach (var property in SpecProperties.Of(record.GetType()))
        {
            if (property.GetValue(record) is { } value)
            {
                node.Add(SnakeCase.From(property.Name), Value(value));
            }
        }

        return node;
    }

    private static YamlNode Value(object value) => value switch
    {
        string text => new YamlScalarNode(text),
        bool flag => new YamlScalarNode(flag ? "true" : "false"),
        Enum choice => new YamlScalarNode(SnakeCase.From(choice.ToString())),
        double number => new YamlScalarNode(number.ToString("R", CultureInfo.InvariantCulture)),
        IFormattable number => new YamlScalarNode(number.ToString(null, CultureInfo.InvariantCulture)),
        IEnumerable items => new YamlSequenceNode(items.Cast<object>().Select(Value)),
        _ => new YamlScalarNode(value.ToString()),
    };
}
