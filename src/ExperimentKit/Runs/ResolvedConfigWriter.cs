using System.Collections;
using System.Globalization;
using System.Text;
using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;
using YamlDotNet.RepresentationModel;

namespace ExperimentKit.Runs;

/// <summary>
/// The experiment as it actually ran, every default filled in, written back as YAML with the
/// same snake_case keys the user writes — it can be run again as it is.
/// </summary>
public static class ResolvedConfigWriter
{
    public static string ToYaml(ExperimentSpec spec)
    {
        var root = new YamlMappingNode
        {
            { "name", spec.Name },
            { "model", Section(spec.Model) },
            { "task", SnakeCase.From(spec.Task.Kind.ToString()) },
            { "dataset", Section(spec.Dataset) },
            { "tokenizer", Section(spec.Tokenizer) },
            { "collator", Section(spec.Collator) },
            { "metrics", new YamlSequenceNode(spec.Metrics.Select(m => new YamlScalarNode(SnakeCase.From(m.ToString())))) },
            { "training", Section(spec.Training) },
        };

        var builder = new StringBuilder();
        using (var writer = new StringWriter(builder, CultureInfo.InvariantCulture))
        {
            new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        }

        return builder.ToString().Replace("\n...\n", "\n", StringComparison.Ordinal);
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
