using static ExperimentKit.Schema.Model.ConfigKey;
using static ExperimentKit.Schema.Model.ConfigKeyRole;

namespace ExperimentKit.Schema.Model;

/// <summary>Hugging Face BertConfig's keys and defaults: <see cref="BertSpec"/> and the runtime's BertConfig hold them.</summary>
public static class BertKeys
{
    public static ConfigKeyTable Table { get; } = new(BertSpec.Type,
    [
        Integer("vocab_size", 30522, Architecture, "Number of token ids the word embeddings hold."),
        Integer("hidden_size", 768, Architecture, "Width of the encoder layers and the pooler."),
        Integer("num_hidden_layers", 12, Architecture, "Number of encoder layers."),
        Integer("num_attention_heads", 12, Architecture, "Number of attention heads in each encoder layer."),
        Integer("intermediate_size", 3072, Architecture, "Width of each encoder layer's feed-forward layer."),
        Text("hidden_act", "gelu", Architecture, "Activation of the feed-forward layers.") with { Choices = ActivationNames.All },
        Number("hidden_dropout_prob", 0.1, TrainingTime, "Dropout of the embeddings, the encoder's fully connected layers and the pooler."),
        Number("attention_probs_dropout_prob", 0.1, TrainingTime, "Dropout of the attention probabilities."),
        Integer("max_position_embeddings", 512, Architecture, "Longest sequence the position embeddings cover."),
        Integer("type_vocab_size", 2, Architecture, "Number of token type ids (segments A and B)."),
        Number("initializer_range", 0.02, TrainingTime, "Standard deviation of the normal initializer of new weights."),
        Number("layer_norm_eps", 1e-12, Architecture, "Epsilon of the layer norms."),
        Integer("pad_token_id", 0, Architecture, "The padding token's id, whose embedding row takes no gradient."),
        Text("position_embedding_type", "absolute", Architecture, "Only absolute is implemented; read so a config asking for another kind is refused, not misread.") with { InModelSection = false },
        OptionalNumber("classifier_dropout", TrainingTime, "Dropout before the classification head; not set means hidden_dropout_prob."),
        Text("classifier_pooling", ClassifierPoolings.Cls, TrainingTime, "What the sequence-classification head reads (ModernBERT's key; transformers' BERT has none).")
            with { Choices = ClassifierPoolings.All, WrittenAtDefault = false },
    ]);
}
