using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Validation;

/// <summary>The `model:` rules: those every architecture shares, then model_type's own.</summary>
internal sealed partial class SpecValidator
{
    private void ValidateModel(ModelSpec m)
    {
        Positive("model.vocab_size", m.VocabSize);
        Positive("model.max_position_embeddings", m.MaxPositionEmbeddings);
        Check(m.InitializerRange > 0, SchemaRules.OutOfRange, "model.initializer_range", $"'initializer_range' must be greater than 0, got {Text(m.InitializerRange)}");
        Check(
            m.PadTokenId >= 0 && m.PadTokenId < m.VocabSize,
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
        Positive("model.hidden_size", m.HiddenSize);
        Positive("model.num_hidden_layers", m.NumHiddenLayers);
        Positive("model.num_attention_heads", m.NumAttentionHeads);
        Positive("model.intermediate_size", m.IntermediateSize);
        Positive("model.type_vocab_size", m.TypeVocabSize);
        Probability("model.hidden_dropout_prob", m.HiddenDropoutProb);
        Probability("model.attention_probs_dropout_prob", m.AttentionProbsDropoutProb);
        if (m.ClassifierDropout is { } classifierDropout)
        {
            Probability("model.classifier_dropout", classifierDropout);
        }

        Check(m.LayerNormEps > 0, SchemaRules.OutOfRange, "model.layer_norm_eps", $"'layer_norm_eps' must be greater than 0, got {Text(m.LayerNormEps)}");
        HeadsDivide("hidden_size", m.HiddenSize, "num_attention_heads", m.NumAttentionHeads);
    }

    private void ValidateDistilBert(DistilBertSpec m)
    {
        Positive("model.dim", m.Dim);
        Positive("model.n_layers", m.NLayers);
        Positive("model.n_heads", m.NHeads);
        Positive("model.hidden_dim", m.HiddenDim);
        Probability("model.dropout", m.Dropout);
        Probability("model.attention_dropout", m.AttentionDropout);
        Probability("model.seq_classif_dropout", m.SeqClassifDropout);
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
