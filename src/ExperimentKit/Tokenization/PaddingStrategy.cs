namespace ExperimentKit.Tokenization;

/// <summary>Hugging Face's padding argument: False / "longest" (True) / "max_length".</summary>
public enum PaddingStrategy
{
    DoNotPad,

    /// <summary>To the longest encoding of the batch (each call of Encode is a batch of one).</summary>
    Longest,

    /// <summary>To max_length, or the model maximum when no max_length is given.</summary>
    MaxLength,
}

/// <summary>Hugging Face's padding_side.</summary>
public enum PaddingSide
{
    Right,
    Left,
}
