using System;
using System.Collections.Generic;
using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema;

/// <summary>
/// Where a Hugging Face column (sentence1, label, ...) stands in the dataset's TSV file: by header name when the
/// file has a header, and always by index (CoLA has no header at all).
/// </summary>
public sealed record DatasetColumn(string Name, string? Header, int Index);

/// <summary>A dataset whose files, columns and label names are known, so `dataset: {name: glue/mrpc}` is enough.</summary>
/// <param name="Folder">Relative to the data root.</param>
/// <param name="LabelsAreNames">True when the label column holds class names (RTE) rather than label ids.</param>
public sealed record KnownDataset(
    string Name,
    string Folder,
    TaskKind Task,
    string TrainFile,
    string ValidationFile,
    string TextA,
    string? TextB,
    string Label,
    EquatableArray<string> LabelNames,
    bool HasHeader,
    bool LabelsAreNames,
    EquatableArray<DatasetColumn> Columns,
    DataFormat Format = DataFormat.Tsv,
    string? TestFile = null,
    RowRange? TrainRows = null,
    RowRange? ValidationRows = null)
{
    /// <summary>The file column that holds a Hugging Face column, or null when the dataset has no such column.</summary>
    public DatasetColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>The GLUE tasks (the original GLUE TSV files), CoNLL-2003, SQuAD, ARC-Easy and CommonsenseQA as they lie under the data root.</summary>
public static class KnownDatasets
{
    public static KnownDataset Mrpc { get; } = new(
        "glue/mrpc", "glue/mrpc", TaskKind.SequenceClassification, "train.tsv", "dev.tsv",
        "sentence1", "sentence2", "label", Names("not_equivalent", "equivalent"),
        HasHeader: true, LabelsAreNames: false,
        Columns(("label", "Quality", 0), ("sentence1", "#1 String", 3), ("sentence2", "#2 String", 4)));

    public static KnownDataset Rte { get; } = new(
        "glue/rte", "glue/rte", TaskKind.SequenceClassification, "train.tsv", "dev.tsv",
        "sentence1", "sentence2", "label", Names("entailment", "not_entailment"),
        HasHeader: true, LabelsAreNames: true,
        Columns(("sentence1", "sentence1", 1), ("sentence2", "sentence2", 2), ("label", "label", 3)));

    public static KnownDataset Sst2 { get; } = new(
        "glue/sst-2", "glue/sst-2", TaskKind.SequenceClassification, "train.tsv", "dev.tsv",
        "sentence", null, "label", Names("negative", "positive"),
        HasHeader: true, LabelsAreNames: false,
        Columns(("sentence", "sentence", 0), ("label", "label", 1)));

    public static KnownDataset Cola { get; } = new(
        "glue/cola", "glue/cola", TaskKind.SequenceClassification, "train.tsv", "dev.tsv",
        "sentence", null, "label", Names("unacceptable", "acceptable"),
        HasHeader: false, LabelsAreNames: false,
        Columns(("label", null, 1), ("sentence", null, 3)));

    public static KnownDataset StsB { get; } = new(
        "glue/sts-b", "glue/sts-b", TaskKind.Regression, "train.tsv", "dev.tsv",
        "sentence1", "sentence2", "score", EquatableArray<string>.Empty,
        HasHeader: true, LabelsAreNames: false,
        Columns(("sentence1", "sentence1", 7), ("sentence2", "sentence2", 8), ("score", "score", 9)));

    public static KnownDataset Wnli { get; } = new(
        "glue/wnli", "glue/wnli", TaskKind.SequenceClassification, "train.tsv", "dev.tsv",
        "sentence1", "sentence2", "label", Names("not_entailment", "entailment"),
        HasHeader: true, LabelsAreNames: false,
        Columns(("sentence1", "sentence1", 1), ("sentence2", "sentence2", 2), ("label", "label", 3)));

    /// <summary>CoNLL-2003 English NER (IOB2 tags in column 3), label names in the order of HF's conll2003 ClassLabel.</summary>
    public static KnownDataset Conll2003 { get; } = new(
        "conll2003", "conll2003", TaskKind.TokenClassification, "train.txt", "valid.txt",
        "tokens", null, "ner_tags", Names("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"),
        HasHeader: false, LabelsAreNames: true,
        Columns(), DataFormat.Conll, TestFile: "test.txt");

    /// <summary>
    /// The official SQuAD v1.1 dev set split by article into two halves (no SQuAD train set is here): train on
    /// part_a (4,961 questions), evaluate on part_b (5,609).
    /// </summary>
    public static KnownDataset Squad { get; } = new(
        "squad", "squad", TaskKind.QuestionAnswering, "dev-v1.1.part_a.json", "dev-v1.1.part_b.json",
        "question", null, "answers", EquatableArray<string>.Empty,
        HasHeader: false, LabelsAreNames: false,
        Columns(), DataFormat.Squad);

    /// <summary>ARC-Easy as Hugging Face's ai2_arc exports it: 3 to 5 choices, labelled A–E or 1–4, answerKey among them.</summary>
    public static KnownDataset ArcEasy { get; } = new(
        "arc-easy", "arc_easy", TaskKind.MultipleChoice, "train.json", "validation.json",
        "question", null, "answerKey", EquatableArray<string>.Empty,
        HasHeader: false, LabelsAreNames: true,
        Columns(), DataFormat.Json, TestFile: "test.json");

    /// <summary>
    /// CommonsenseQA: only its labelled dev set (1,221 questions, 5 choices) is here, so its first 1,000 rows train
    /// and the remaining 221 evaluate, unless train_rows / validation_rows say otherwise.
    /// </summary>
    public static KnownDataset CommonsenseQa { get; } = new(
        "commonsense-qa", "commonsense_qa", TaskKind.MultipleChoice, "dev.jsonl", "dev.jsonl",
        "question", null, "answerKey", EquatableArray<string>.Empty,
        HasHeader: false, LabelsAreNames: true,
        Columns(), DataFormat.JsonLines, TrainRows: new RowRange(null, 1000), ValidationRows: new RowRange(1000, null));

    public static IReadOnlyList<KnownDataset> All { get; } = [Mrpc, Rte, Sst2, Cola, StsB, Wnli, Conll2003, Squad, ArcEasy, CommonsenseQa];

    public static KnownDataset? Find(string name) =>
        All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));

    private static EquatableArray<string> Names(params string[] names) => new(names);

    private static EquatableArray<DatasetColumn> Columns(params (string Name, string? Header, int Index)[] columns) =>
        new(columns.Select(c => new DatasetColumn(c.Name, c.Header, c.Index)));
}
