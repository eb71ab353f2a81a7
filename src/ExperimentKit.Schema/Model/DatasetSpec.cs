namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `dataset:` section. Either a known dataset (`name: glue/mrpc`, files and label names known)
/// or a folder of data files (`path:` with `train_file` / `validation_file`) in any <see cref="DataFormat"/>, whose
/// columns the YAML maps to the task's inputs. Relative paths resolve against the data root.
/// </summary>
public sealed record DatasetSpec
{
    public string? Name { get; init; }
    public string? Path { get; init; }

    /// <summary>Where relative data paths start; the EXPERIMENTKIT_DATA_ROOT variable overrides it.</summary>
    public string? DataRoot { get; init; }

    /// <summary>How the files are laid out; when not written, the train file's extension says (.csv, .jsonl, .parquet, ...).</summary>
    public DataFormat Format { get; init; } = DataFormat.Tsv;

    public string? TrainFile { get; init; }
    public string? ValidationFile { get; init; }

    /// <summary>The labelled held-out split that `predict --split test` reads, where the dataset has one.</summary>
    public string? TestFile { get; init; }

    public string TextA { get; init; } = "sentence";

    /// <summary>The second text of a pair; null (the default) for single-text datasets.</summary>
    public string? TextB { get; init; }

    /// <summary>The label column: a class (name or id), a score, a tag list (token classification), or a choice's label or index (multiple choice).</summary>
    public string Label { get; init; } = "label";

    /// <summary>Token classification from a table: the column holding each sentence's words as a list.</summary>
    public string Tokens { get; init; } = "tokens";

    /// <summary>Question answering and multiple choice: the question column.</summary>
    public string Question { get; init; } = "question";

    /// <summary>Question answering from a table: the context column.</summary>
    public string Context { get; init; } = "context";

    /// <summary>Question answering from a table: answers as SQuAD's {text: [...], answer_start: [...]}.</summary>
    public string Answers { get; init; } = "answers";

    /// <summary>Multiple choice: the choices column, {text: [...], label: [...]} as ARC and CommonsenseQA hold them, or a list of texts.</summary>
    public string Choices { get; init; } = "choices";

    /// <summary>The rows of the train file that form the train split; null: all.</summary>
    public RowRange? TrainRows { get; init; }

    /// <summary>The rows of the validation file that form the validation split; null: all.</summary>
    public RowRange? ValidationRows { get; init; }

    /// <summary>CoNLL files: the 0-based column holding the tag of each token (3 in CoNLL-2003: token POS chunk NER).</summary>
    public int TagColumn { get; init; } = 3;

    /// <summary>Class names in label-id order (ClassLabel.names); the generator turns them into an enum.</summary>
    public EquatableArray<string> LabelNames { get; init; } = EquatableArray<string>.Empty;

    public int? MaxTrainSamples { get; init; }
    public int? MaxEvalSamples { get; init; }
}

/// <summary>How a dataset's files are laid out.</summary>
public enum DataFormat
{
    /// <summary>Tab-separated columns with a header row; quotes are plain characters (GLUE's files).</summary>
    Tsv,

    /// <summary>A token per line with its tags in columns, blank lines between sentences.</summary>
    Conll,

    /// <summary>RFC 4180 comma-separated values with a header row.</summary>
    Csv,

    /// <summary>A JSON array of objects (Hugging Face's ARC export).</summary>
    Json,

    /// <summary>One JSON object per line (.jsonl).</summary>
    JsonLines,

    /// <summary>Apache Parquet (the Hugging Face Hub's own format).</summary>
    Parquet,

    /// <summary>Plain text, one document per line (run_mlm's text files).</summary>
    Text,

    /// <summary>SQuAD's JSON: data → paragraphs → context and qas.</summary>
    Squad,
}
