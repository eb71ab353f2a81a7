using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Validation;

/// <summary>The `model:` rules between keys (each key's own range is declared in its table): those every architecture shares, then model_type's own.</summary>
internal sealed partial class SpecValidator
{
    private void ValidateModel(ModelSpec m)
    {
        // A negative id is out of its declared range already.
        Check(
            m.PadTokenId < 0 || m.PadTokenId < m.VocabSize,
            SchemaRules.OutOfRange,
            "model.pad_token_id",
            $"'pad_token_id' must be a token id in [0, vocab_size = {Text(m.VocabSize)}), got {Text(m.PadTokenId)}");
        switch (m)
        {
            case BertSpec bert:
                ValidateBert(bert);
                break;
            case DistilBertSpec distilBert:
                ValidateDistilBert(distilBert);
                break;
        }
    }

    private void ValidateBert(BertSpec m)
    {
        HeadsDivide("hidden_size", m.HiddenSize, "num_attention_heads", m.NumAttentionHeads);
    }

    private void ValidateDistilBert(DistilBertSpec m)
    {
        Check(
            !m.SinusoidalPosEmbds,
            SchemaRules.OutOfRange,
            "model.sinusoidal_pos_embds",
            "'sinusoidal_pos_embds' must be false: only learned position embeddings are implemented; remove the key");
        HeadsDivide("dim", m.Dim, "n_heads", m.NHeads);

        // Only a written true gets here: the parser's default follows the model.
        Check(
            !spec.Collator.ReturnTokenTypeIds,
            SchemaRules.ConflictingSettings,
            "collator.return_token_type_ids",
            "DistilBERT takes no token_type_ids (it has no token type embeddings); remove 'return_token_type_ids' or set it to false");
    }

    /// <summary>Each head gets width / heads dimensions; the finding stands at the heads key when written, else at the width.</summary>
    private void HeadsDivide(string widthKey, int width, string headsKey, int heads)
    {
        if (width > 0 && heads > 0)
        {
            var at = Written("model." + headsKey) ? "model." + headsKey : "model." + widthKey;
            Check(
                width % heads == 0,
                SchemaRules.HiddenSizeNotDivisible,
                at,
                $"{widthKey} ({Text(width)}) must be a multiple of {headsKey} ({Text(heads)}): each head gets {widthKey} / {headsKey} dimensions");
        }
    }
}
