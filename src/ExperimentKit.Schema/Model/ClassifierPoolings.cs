namespace ExperimentKit.Schema.Model;

/// <summary>The values of <c>classifier_pooling</c> (ModernBERT's config key and spelling).</summary>
public static class ClassifierPoolings
{
    /// <summary>The pooler (dense + tanh) on the first token, as HF BertForSequenceClassification does.</summary>
    public const string Cls = "cls";

    /// <summary>The mean of the last hidden states over real tokens, as sentence-transformers checkpoints were trained to give.</summary>
    public const string Mean = "mean";

    /// <summary>Every value, for the YAML schema and config.json's check alike.</summary>
    public static string[] All { get; } = [Cls, Mean];
}
