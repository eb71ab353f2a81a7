namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `dataset:` section. Either a known dataset (`name: glue/mrpc`, files and label names known)
/// or a folder of data files (`path:` with `train_file` / `validation_file`): TSV with columns by header name, or
/// CoNLL column files for token classification. Relative paths resolve against the data root.
/// </summary>
public sealed record DatasetSpec
{
    public string? Name { get; init; }
    public string? Path { get; init; }

    /// <summary>Where relative data paths start; the EXPERIMENTKIT_DATA_ROOT variable overrides it.</summary>
    public string? DataRoot { get; init; }

    /// <summary>tsv (a column per field, header row) or conll (a token per line, blank lines between sentences).</summary>
    public DataFormat Format { get; init; } = DataFormat.Tsv;

    public string? TrainFile { get; init; }
    public string? ValidationFile { get; init; }

    /// <summary>The labelled held-out split that `predict --split test` reads, where the dataset has one.</summary>
    public string? TestFile { get; init; }

    public string TextA { get; init; } = "sentence";

    /// <summary>The second text of a pair; null (the default) for single-text datasets.</summary>
    public string? TextB { get; init; }

    public string Label { get; init; } = "label";

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
    Tsv,
    Conll,
}
