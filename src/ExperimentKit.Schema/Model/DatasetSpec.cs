namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `dataset:` section. Either a known dataset (`name: glue/mrpc`, files and label names known)
/// or a folder of TSV files (`path:` with `train_file` / `validation_file`, columns by header name).
/// Relative paths resolve against the data root.
/// </summary>
public sealed record DatasetSpec
{
    public string? Name { get; init; }
    public string? Path { get; init; }

    /// <summary>Where relative data paths start; the EXPERIMENTKIT_DATA_ROOT variable overrides it.</summary>
    public string? DataRoot { get; init; }

    public string? TrainFile { get; init; }
    public string? ValidationFile { get; init; }
    public string TextA { get; init; } = "sentence1";
    public string? TextB { get; init; } = "sentence2";
    public string Label { get; init; } = "label";

    /// <summary>Class names in label-id order (ClassLabel.names); the generator turns them into an enum.</summary>
    public EquatableArray<string> LabelNames { get; init; } = EquatableArray<string>.Empty;

    public int? MaxTrainSamples { get; init; }
    public int? MaxEvalSamples { get; init; }
}
