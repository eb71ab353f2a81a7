namespace ExperimentKit.Tests.Models.Transformers;

/// <summary>
/// The keys a config.json written by save_pretrained holds, from configuration_bert.py / configuration_distilbert.py and
/// PretrainedConfig.to_diff_dict (which writes the class's own arguments always, and a shared attribute only when it
/// differs from PretrainedConfig's default).
/// </summary>
internal static class TransformersConfigKeys
{
    /// <summary>BertConfig.__init__'s arguments.</summary>
    private static readonly string[] Bert =
    [
        "vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size", "hidden_act",
        "hidden_dropout_prob", "attention_probs_dropout_prob", "max_position_embeddings", "type_vocab_size",
        "initializer_range", "layer_norm_eps", "pad_token_id", "position_embedding_type", "use_cache", "classifier_dropout",
    ];

    /// <summary>DistilBertConfig.__init__'s arguments (pad_token_id through **kwargs, but set by default to 0).</summary>
    private static readonly string[] DistilBert =
    [
        "vocab_size", "max_position_embeddings", "sinusoidal_pos_embds", "n_layers", "n_heads", "dim", "hidden_dim",
        "dropout", "attention_dropout", "activation", "initializer_range", "qa_dropout", "seq_classif_dropout", "pad_token_id",
    ];

    /// <summary>What every save writes: the head class, the model type, the weights' dtype and the writing version.</summary>
    private static readonly string[] EverySave = ["architectures", "model_type", "torch_dtype", "transformers_version"];

    /// <summary>
    /// Keys of ExperimentKit's own that transformers does not read (it keeps them as plain attributes): the version that
    /// wrote the folder, and classifier_pooling when it is not the default "cls".
    /// </summary>
    public static IReadOnlyList<string> ExperimentKitKeys { get; } = ["experimentkit_version", "classifier_pooling"];

    /// <summary>The keys a head's config.json must hold (id2label and label2id where the classes have names; problem_type where it picks the loss).</summary>
    public static IReadOnlyList<string> Required(string modelType, string architecture)
    {
        var own = modelType == "bert" ? Bert : DistilBert;
        var labelled = architecture.EndsWith("ForSequenceClassification", StringComparison.Ordinal) || architecture.EndsWith("ForTokenClassification", StringComparison.Ordinal);
        string[] labels = labelled ? ["id2label", "label2id"] : [];
        string[] problem = architecture.EndsWith("ForSequenceClassification", StringComparison.Ordinal) ? ["problem_type"] : [];
        return [.. own, .. EverySave, .. labels, .. problem];
    }
}
