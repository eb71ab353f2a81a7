using System.Linq;
using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Parsing;

/// <summary>
/// The keys BERT and DistilBERT spell differently for the same setting (HF renamed them for DistilBERT), so a key
/// written for the other model_type is named as such and its counterpart suggested, not a look-alike by spelling.
/// </summary>
internal static class CounterpartKeys
{
    // null: the architecture has no such setting.
    private static readonly (string? Bert, string? DistilBert)[] Pairs =
    [
        ("hidden_size", "dim"),
        ("num_hidden_layers", "n_layers"),
        ("num_attention_heads", "n_heads"),
        ("intermediate_size", "hidden_dim"),
        ("hidden_act", "activation"),
        ("hidden_dropout_prob", "dropout"),
        ("attention_probs_dropout_prob", "attention_dropout"),
        ("classifier_dropout", "seq_classif_dropout"),
        ("type_vocab_size", null),
        ("layer_norm_eps", null),
        (null, "sinusoidal_pos_embds"),
    ];

    /// <summary>What to say about an unknown key of a model_type section when it is the other architecture's key; null otherwise.</summary>
    public static ForeignKey? Explain(string key, string modelType)
    {
        var distilBert = modelType == DistilBertSpec.Type;
        var otherType = distilBert ? BertSpec.Type : DistilBertSpec.Type;
        return Pairs
            .Where(p => (distilBert ? p.Bert : p.DistilBert) == key)
            .Select(p => new ForeignKey($"for model_type {modelType} ('{key}' is a model_type {otherType} key)", distilBert ? p.DistilBert : p.Bert))
            .FirstOrDefault();
    }
}
