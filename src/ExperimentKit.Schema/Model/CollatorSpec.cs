namespace ExperimentKit.Schema.Model;

/// <summary>The `collator:` section: DataCollatorWithPadding.</summary>
public sealed record CollatorSpec
{
    public PaddingStrategy Padding { get; init; } = PaddingStrategy.Longest;
    public int? PadToMultipleOf { get; init; }

    /// <summary>Whether batches carry token_type_ids. The parser's default follows the model: BERT yes, DistilBERT no.</summary>
    public bool ReturnTokenTypeIds { get; init; } = true;
}

/// <summary>YAML: longest, max_length.</summary>
public enum PaddingStrategy
{
    Longest,
    MaxLength,
}
