using System.Linq;

namespace ExperimentKit.Schema.Yaml;

/// <summary>A node written back as one line of YAML (flow style), so it can travel as a `--set` value and read back the same.</summary>
internal static class YamlText
{
    public static string Of(YamlNode node) => node switch
    {
        YamlScalar { IsPlain: true } scalar => scalar.Value,
        YamlScalar scalar => "'" + scalar.Value.Replace("'", "''") + "'",
        YamlSequence sequence => "[" + string.Join(", ", sequence.Items.Select(Of)) + "]",
        YamlMapping mapping => "{" + string.Join(", ", mapping.Entries.Select(e => Of(e.Key) + ": " + Of(e.Value))) + "}",
        _ => string.Empty,
    };
}
