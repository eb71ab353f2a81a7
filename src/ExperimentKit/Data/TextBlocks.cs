namespace ExperimentKit.Data;

/// <summary>
/// run_mlm.py's group_texts: tokenized texts (each with its own [CLS] ... [SEP]) laid end to end and cut into blocks
/// of exactly block_size tokens, so that no training row is padding.
/// </summary>
public static class TextBlocks
{
    /// <summary>
    /// The blocks, made as the texts are read: only the tokens of the block being filled are held. Token type ids are
    /// all 0 and the labels empty (the masked-LM collator makes them). The tokens after the last whole block are
    /// dropped (total_length // block_size * block_size). run_mlm.py drops such a remainder once per map batch of 1,000
    /// texts, an accident of datasets.map its own comment points out; here only the end of the whole stream is dropped.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blockSize"/> is not positive.</exception>
    public static IEnumerable<EncodedExample> Group(IEnumerable<int[]> tokenizedTexts, int blockSize)
    {
        ArgumentNullException.ThrowIfNull(tokenizedTexts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(blockSize);
        return Blocks(tokenizedTexts, blockSize);
    }

    private static IEnumerable<EncodedExample> Blocks(IEnumerable<int[]> tokenizedTexts, int blockSize)
    {
        var block = new int[blockSize];
        var filled = 0;
        foreach (var text in tokenizedTexts)
        {
            for (var start = 0; start < text.Length;)
            {
                var take = Math.Min(text.Length - start, blockSize - filled);
                Array.Copy(text, start, block, filled, take);
                start += take;
                filled += take;
                if (filled == blockSize)
                {
                    yield return new EncodedExample(block, new int[blockSize], []);
                    block = new int[blockSize];
                    filled = 0;
                }
            }
        }
    }
}
