using ExperimentKit.Schema.Model;
using ExperimentKit.Schema.Parsing;

namespace ExperimentKit.Schema.Tests;

/// <summary>
/// The section tables are the one declaration of each key: the spec records hold exactly their keys, in the table's
/// order (config.yaml and the generated config write the records' properties), and the parser reads every key a table declares.
/// </summary>
public class SectionKeyTableTests
{
    public static TheoryData<Type, string> Records => new()
    {
        { typeof(TrainingSpec), "training" },
        { typeof(TokenizerSpec), "tokenizer" },
        { typeof(CollatorSpec), "collator" },
        { typeof(DatasetSpec), "dataset" },
        { typeof(MetricSpec), "metrics" },
    };

    public static TheoryData<string, string> DeclaredKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var (section, keys) in new[] { ("training", TrainingKeys.All), ("tokenizer", TokenizerKeys.All), ("collator", CollatorKeys.All), ("dataset", DatasetKeys.All) })
        {
            foreach (var key in keys)
            {
                data.Add(key.Name, $"{Base(section)}{section}: {{{key.Name}: null}}\n");
            }
        }

        foreach (var (head, options) in TaskKeys.Options)
        {
            foreach (var key in options.Append(TaskKeys.NumLabels))
            {
                data.Add(key.Name, $"{Base("task")}task: {{type: {SnakeCase.From(head.ToString())}, {key.Name}: null}}\n");
            }
        }

        foreach (var key in MetricKeys.All.Where(k => k != MetricKeys.Name))
        {
            data.Add(key.Name, $"{Base()}metrics: [{{name: f1, {key.Name}: null}}]\n");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Records))]
    public void A_section_record_holds_its_tables_keys_and_no_other_in_the_tables_order(Type record, string section)
    {
        var table = TableOf(section);
        var properties = SpecProperties.Of(record).Where(p => p.SetMethod is not null).Select(p => SnakeCase.From(p.Name));

        Assert.Equal(table.Select(k => SnakeCase.From(k.Property ?? Pascal(k.Name))), properties);
        Assert.All(table, key => Assert.True(SectionKeyProperties.Of(record, table).Holds(key), key.Name));
    }

    [Fact]
    public void Each_head_record_holds_num_labels_and_its_options()
    {
        foreach (var (head, options) in TaskKeys.Options)
        {
            var record = Parsed.Spec($"{Base("task")}task: {SnakeCase.From(head.ToString())}\n".Replace("glue/mrpc", Dataset(head), StringComparison.Ordinal)).Task.GetType();
            var properties = SpecProperties.Of(record).Where(p => p.SetMethod is not null).Select(p => SnakeCase.From(p.Name));

            Assert.Equal([TaskKeys.NumLabels.Name, .. options.Select(k => k.Name)], properties);
        }
    }

    /// <summary>A null value may be the wrong type for the key; what matters is that no key is unknown.</summary>
    [Theory]
    [MemberData(nameof(DeclaredKeys))]
    public void Every_declared_key_is_read_by_the_parser(string key, string yaml)
    {
        var findings = ExperimentSpecParser.Parse("e.yaml", yaml).Diagnostics;

        Assert.False(
            findings.Any(d => d.Id == SchemaRules.UnknownKey.Id || d.Id == SchemaRules.InternalError.Id),
            $"'{key}' is not read: {string.Join("; ", findings.Select(d => d.Format("e.yaml")))}");
    }

    /// <summary>A known dataset each head reads.</summary>
    private static string Dataset(TaskKind head) => head switch
    {
        TaskKind.Regression => "glue/sts-b",
        TaskKind.TokenClassification => "conll2003",
        TaskKind.QuestionAnswering => "squad",
        TaskKind.MultipleChoice => "arc-easy",
        _ => "glue/mrpc",
    };

    private static IReadOnlyList<SectionKey> TableOf(string section) => section switch
    {
        "training" => TrainingKeys.All,
        "tokenizer" => TokenizerKeys.All,
        "collator" => CollatorKeys.All,
        "dataset" => DatasetKeys.All,
        _ => MetricKeys.All,
    };

    /// <summary>The required sections but <paramref name="except"/>, which the test writes itself.</summary>
    private static string Base(string except = "") =>
        string.Concat(new[] { ("model", "{}"), ("task", "sequence_classification"), ("dataset", "{name: glue/mrpc}"), ("training", "{}") }
            .Where(s => s.Item1 != except)
            .Select(s => $"{s.Item1}: {s.Item2}\n"));

    private static string Pascal(string snakeCase) => string.Concat(snakeCase.Split('_').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
