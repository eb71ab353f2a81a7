using static ExperimentKit.Schema.Model.ConfigKey;
using static ExperimentKit.Schema.Model.ConfigKeyRole;

namespace ExperimentKit.Schema.Model;

/// <summary>
/// Hugging Face DistilBertConfig's keys and defaults: <see cref="DistilBertSpec"/> and the runtime's DistilBertConfig
/// hold them. A counterpart is the BERT key HF renamed.
/// </summary>
public static class DistilBertKeys
{
    public static ConfigKeyTable Table { get; } = new(DistilBertSpec.Type,
    [
        Integer("vocab_size", 30522, Architecture, "Number of token ids the word embeddings hold.") with { Range = ValueRange.Positive },
        Integer("max_position_embeddings", 512, Architecture, "Longest sequence the position embeddings cover.") with { Range = ValueRange.Positive },
        Boolean("sinusoidal_pos_embds", false, Architecture, "Fixed sine/cosine position embeddings instead of learned ones; not implemented, so only false."),
        Integer("n_layers", 6, Architecture, "Number of encoder layers.") with { Counterpart = "num_hidden_layers", Range = ValueRange.Positive },
        Integer("n_heads", 12, Architecture, "Number of attention heads in each encoder layer.") with { Counterpart = "num_attention_heads", Range = ValueRange.Positive },
        Integer("dim", 768, Architecture, "Width of the encoder layers.") with { Counterpart = "hidden_size", Range = ValueRange.Positive },
        Integer("hidden_dim", 3072, Architecture, "Width of each encoder layer's feed-forward layer.") with { Counterpart = "intermediate_size", Range = ValueRange.Positive },
        Number("dropout", 0.1, TrainingTime, "Dropout of the embeddings and the encoder's fully connected layers.") with { Counterpart = "hidden_dropout_prob", Range = ValueRange.Probability },
        Number("attention_dropout", 0.1, TrainingTime, "Dropout of the attention probabilities.") with { Counterpart = "attention_probs_dropout_prob", Range = ValueRange.Probability },
        Text("activation", "gelu", Architecture, "Activation of the feed-forward layers.") with { Choices = ActivationNames.All, Counterpart = "hidden_act" },
        Number("initializer_range", 0.02, TrainingTime, "Standard deviation of the normal initializer of new weights.") with { Range = ValueRange.GreaterThanZero },
        Number("qa_dropout", 0.1, TrainingTime, "Dropout before the question-answering head.") with { InModelSection = false },
        Number("seq_classif_dropout", 0.2, TrainingTime, "Dropout before the sequence-classification head.") with { Counterpart = "classifier_dropout", Range = ValueRange.Probability },
        Integer("pad_token_id", 0, Architecture, "The padding token's id, whose embedding row takes no gradient.") with { Range = ValueRange.AtLeastZero },
    ]);
}
