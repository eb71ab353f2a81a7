using System.Linq;
using static ExperimentKit.Schema.Model.SectionKey;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `dataset:` section's keys; <see cref="DatasetSpec"/> holds them. A known dataset (`name:`) fills the file and
/// column keys not written; a folder of files (`path:`) takes the record's defaults.
/// </summary>
public static class DatasetKeys
{
    public static SectionKey Name { get; } = Text("name", "A known dataset, whose files, columns and label names need no other key (matched ignoring case).")
        with { Optional = true, KnownValues = [.. KnownDatasets.All.Select(d => d.Name)] };

    public static SectionKey Path { get; } = Text("path", "A folder of data files, relative to the data root unless absolute (instead of name).") with { Optional = true };

    public static SectionKey TrainFile { get; } = Text("train_file", "The training file (or a folder of shards) in the dataset folder.") with { Optional = true };

    public static SectionKey LabelNames { get; } = TextList("label_names", "Class names in label-id order (ClassLabel.names); required with path for classification.");

    public static SectionKey[] All { get; } =
    [
        Name,
        Path,
        Text("data_root", "Where relative data paths start; the EXPERIMENTKIT_DATA_ROOT variable overrides it. Not set: ../shared/data beside the repository.") with { Optional = true },
        Choice<DataFormat>("format", "How the files are laid out; not set: the train file's extension says (.tsv, .csv, .json, .jsonl, .parquet, .txt).")
            with { DefaultText = "by the train file's extension: `.csv` csv, `.jsonl` json_lines, `.json` json (squad for question_answering), `.parquet` parquet, `.txt` text (conll for token_classification); any other tsv (conll for token_classification); a known dataset's own" },
        TrainFile,
        Text("validation_file", "The evaluation file (or a folder of shards) in the dataset folder.") with { Optional = true },
        Text("test_file", "The labelled held-out file that `predict --split test` reads.") with { Optional = true },
        Text("text_a", "The column of the text (the first text of a pair)."),
        Text("text_b", "The column of a pair's second text; not set: single texts.") with { Optional = true },
        Text("label", "The label column: a class (name or id), a score, a list of tags, or a choice's label or index."),
        Text("tokens", "Token classification from records: the column holding each sentence's words as a list."),
        Text("question", "Question answering and multiple choice: the question column."),
        Text("context", "Question answering from records: the context column."),
        Text("answers", "Question answering from records: answers as SQuAD's {text: [...], answer_start: [...]}."),
        Text("choices", "Multiple choice: the choices column ({text: [...], label: [...]}, or a list of texts)."),
        Rows("train_rows", "The rows of the train file that form the train split, as a slice: '[:1000]', '1000:', '100:200'."),
        Rows("validation_rows", "The rows of the validation file that form the validation split, as a slice."),
        Integer("tag_column", "CoNLL files: the 0-based column of each token's tag (3 in CoNLL-2003: token POS chunk NER).")
            with { Range = new ValueRange(1, false, null, false, "1 or more (column 0 holds the token)") },
        LabelNames,
        Integer("max_train_samples", "Train on the first this many examples only.") with { Optional = true, Range = ValueRange.Positive },
        Integer("max_eval_samples", "Evaluate on the first this many examples only.") with { Optional = true, Range = ValueRange.Positive },
    ];
}
