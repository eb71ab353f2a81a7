using ExperimentKit.Schema.Model;
using ExperimentKit.Tokenization;

namespace ExperimentKit.Data;

/// <summary>
/// `dataset.map(tokenize, batched=True)` for texts and pairs: every example tokenized (pairs with token types) on all
/// cores, in the original order, unpadded; the collator pads per batch.
/// </summary>
public static class TextClassificationEncoder
{
    public static EncodedExample[] Encode(IReadOnlyList<TextClassificationExample> examples, BertTokenizer tokenizer, TokenizerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(tokenizer);
        bool pairs = examples.All(e => e.TextB is not null);
        var options = EncodeOptions.FromSpec(spec);
        var result = new EncodedExample[examples.Count];
        // Training needs only ids and token types: the ids-only path skips offsets, masks and word ids.
        Parallel.For(0, examples.Count, i =>
        {
            TextClassificationExample example = examples[i];
            EncodedIds encoded = tokenizer.EncodeIds(example.TextA, pairs ? example.TextB : null, options);
            result[i] = new EncodedExample(encoded.InputIds, encoded.TokenTypeIds, example.Labels);
        });
        return result;
    }
}
