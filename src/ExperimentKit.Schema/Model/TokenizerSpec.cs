namespace ExperimentKit.Schema.Model;

/// <summary>The `tokenizer:` section, with Hugging Face tokenizer call names.</summary>
public sealed record TokenizerSpec
{
    /// <summary>vocab.txt, relative to the data root unless absolute.</summary>
    public string VocabFile { get; init; } = "models/bert-base-uncased/vocab.txt";
    public bool DoLowerCase { get; init; } = true;

    /// <summary>null: strip accents exactly when lower-casing, as BertTokenizer does.</summary>
    public bool? StripAccents { get; init; }
    public int MaxLength { get; init; } = 512;
    public TruncationStrategy Truncation { get; init; } = TruncationStrategy.LongestFirst;
}

/// <summary>YAML: longest_first (or true), only_first, only_second, do_not_truncate (or false).</summary>
public enum TruncationStrategy
{
    LongestFirst,
    OnlyFirst,
    OnlySecond,
    DoNotTruncate,
}
