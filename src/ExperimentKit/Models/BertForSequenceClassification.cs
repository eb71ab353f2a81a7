using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// BERT with dropout and a linear head on the pooled output (HF <c>BertForSequenceClassification</c>,
/// children <c>bert</c>, <c>dropout</c>, <c>classifier</c>). Not sealed: generated experiment models derive from it.
/// </summary>
public class BertForSequenceClassification : nn.Module<Tensor, Tensor, Tensor?, Tensor?, SequenceClassifierOutput>
{
    private readonly BertModel bert;
    private readonly TorchSharp.Modules.Dropout dropout;
    private readonly TorchSharp.Modules.Linear classifier;

    public BertForSequenceClassification(BertConfig config, int numLabels) : base(nameof(BertForSequenceClassification))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(numLabels) with { Architectures = [nameof(BertForSequenceClassification)] };
        NumLabels = numLabels;
        bert = new BertModel(Config);
        dropout = nn.Dropout(Config.ClassifierDropout ?? Config.HiddenDropoutProb);
        classifier = nn.Linear(Config.HiddenSize, numLabels);
        register_module("bert", bert);
        register_module("dropout", dropout);
        register_module("classifier", classifier);
        BertInit.Apply(classifier, Config.InitializerRange);
    }

    /// <summary>The config as it belongs in this model's config.json: labels and architecture filled in.</summary>
    public BertConfig Config { get; }

    public int NumLabels { get; }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <param name="tokenTypeIds">[batch, seq] segment ids; null means all 0.</param>
    /// <param name="labels">[batch]: int64 class ids, or float targets for regression / multi-label; null for no loss.</param>
    public override SequenceClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var pooled = bert.forward(inputIds, attentionMask, tokenTypeIds).PoolerOutput;
        var logits = classifier.forward(dropout.forward(pooled));
        var loss = labels is null ? null : Loss(logits, labels);
        return new SequenceClassifierOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }

    /// <summary>HF's problem_type logic: the config's value, else inferred from num_labels and the labels' dtype.</summary>
    private Tensor Loss(Tensor logits, Tensor labels)
    {
        var problemType = Config.ProblemType ?? (NumLabels, labels.dtype) switch
        {
            (1, _) => "regression",
            (_, ScalarType.Int64 or ScalarType.Int32) => "single_label_classification",
            _ => "multi_label_classification",
        };
        return problemType switch
        {
            "regression" when NumLabels == 1 => nn.functional.mse_loss(logits.squeeze(), labels.squeeze().to_type(logits.dtype)),
            "regression" => nn.functional.mse_loss(logits, labels.to_type(logits.dtype)),
            "single_label_classification" => nn.functional.cross_entropy(logits.view(-1, NumLabels), labels.view(-1).to_type(ScalarType.Int64)),
            "multi_label_classification" => nn.functional.binary_cross_entropy_with_logits(logits, labels.to_type(logits.dtype)),
            _ => throw new InvalidOperationException($"problem_type '{problemType}' is not one HF defines."),
        };
    }
}
