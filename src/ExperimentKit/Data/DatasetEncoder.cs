using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Data;

/// <summary>
/// `dataset.map(tokenize, batched=True)`: every example tokenized (pairs with token types) on all cores,
/// in the original order, unpadded; the collator pads per batch.
/// </summary>
public static class DatasetEncoder
{
    public static EncodedExample[] Encode(IReadOnlyList<TextClassificationExample> examples, BertTokenizer tokenizer, TokenizerSpec spec)
    {
        var pairs = examples.All(e => e.TextB is not null) ? examples.Select(e => e.TextB!).ToArray() : null;
        var encodings = tokenizer.EncodeBatch(examples.Select(e => e.TextA).ToArray(), pairs, EncodeOptions.FromSpec(spec));
        return encodings.Select((encoding, i) => new EncodedExample(encoding.InputIds, encoding.TokenTypeIds, examples[i].Label)).ToArray();
    }
}
