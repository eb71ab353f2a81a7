namespace ExperimentKit.Tokenization;

/// <summary>A tokenized text (and pair) with how many tokens of each truncation keeps, before special tokens.</summary>
internal readonly record struct TruncatedPair(TokenSequence First, int KeepFirst, TokenSequence? Second, int KeepSecond)
{
    /// <summary>The length of the kept tokens with [CLS] A [SEP] (B [SEP]).</summary>
    public int Length(bool addSpecialTokens) => EncodingAssembler.Length(KeepFirst, Second is null ? null : KeepSecond, addSpecialTokens);
}
