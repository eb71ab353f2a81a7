using static ExperimentKit.Schema.Model.ConfigKey;
using static ExperimentKit.Schema.Model.ConfigKeyRole;

namespace ExperimentKit.Schema.Model;

/// <summary>Hugging Face BertConfig's keys and defaults: <see cref="BertSpec"/> and the runtime's BertConfig hold them.</summary>
public static class BertKeys
{
    public static ConfigKeyTable Table { get; } = new(BertSpec.Type,
    [
        Integer("vocab_size", 30522, Architecture, "Number of token ids the word embeddings hold.") with { Range = ValueRange.Positive },
        Integer("hidden_size", 768, Architecture, "Width of the encoder layers and the pooler.") with { Range = ValueRange.Positive },
        Integer("num_hidden_layers", 12, Architecture, "Number of encoder layers.") with { Range = ValueRange.Positive },
        Integer("num_attention_heads", 12, Architecture, "Number of attention heads in each encoder layer.") with { Range = ValueRange.Positive },
        Integer("intermediate_size", 3072, Architecture, "Width of each encoder layer's feed-forward layer.") with { Range = ValueRange.Positive },
        Text("hidden_act", "gelu", Architecture, "Activation of the feed-forward layers.") with { Choices = ActivationNames.All },
        Number("hidden_dropout_prob", 0.1, TrainingTime, "Dropout of the embeddings, the encoder's fully connected layers and the pooler.") with { Range = ValueRange.Probability },
        Number("attention_probs_dropout_prob", 0.1, TrainingTime, "Dropout of the attention probabilities.") with { Range = ValueRange.Probability },
        Integer("max_position_embeddings", 512, Architecture, "Longest sequence the position embeddings cover.") with { Range = ValueRange.Positive },
        Integer("type_vocab_size", 2, Architecture, "Number of token type ids (segments A and B).") with { Range = ValueRange.Positive },
        Number("initializer_range", 0.02, TrainingTime, "Standard deviation of the normal initializer of new weights.") with { Range = ValueRange.GreaterThanZero },
        Number("layer_norm_eps", 1e-12, Architecture, "Epsilon of the layer norms.") with { Range = ValueRange.GreaterThanZero },
        Integer("pad_token_id", 0, Architecture, "The padding token's id, whose embedding row takes no gradient.") with { Range = ValueRange.AtLeastZero },
        Text("position_embedding_type", "absolute", Architecture, "Only absolute is implemented; read so a config asking for another kind is refused, not misread.") with { InModelSection = false },
        Boolean("use_cache", true, TrainingTime, "transformers' decoder cache, which an encoder never uses; kept so config.json has every BertConfig key.") with { InModelSection = false },
        OptionalNumber("classifier_dropout", TrainingTime, "Dropout before the classification head; not set means hidden_dropout_prob.") with { Range = ValueRange.Probability },
        Text("classifier_pooling", ClassifierPoolings.Cls, TrainingTime, "What the sequence-classification head reads (ModernBERT's key; transformers' BERT has none).")
            with { Choices = ClassifierPoolings.All, WrittenAtDefault = false },
    ]);
}
