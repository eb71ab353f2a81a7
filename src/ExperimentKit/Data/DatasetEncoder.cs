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
        var options = new EncodeOptions { MaxLength = spec.MaxLength, Truncation = spec.Truncation };
        var encoded = new EncodedExample[examples.Count];
        Parallel.For(0, examples.Count, i =>
        {
            var example = examples[i];
            var encoding = tokenizer.Encode(example.TextA, example.TextB, options);
            encoded[i] = new EncodedExample(encoding.InputIds, encoding.TokenTypeIds, example.Label);
        });
        return encoded;
    }
}
