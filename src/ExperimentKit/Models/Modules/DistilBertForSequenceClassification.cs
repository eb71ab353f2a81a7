using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// DistilBERT with pre_classifier, ReLU, dropout and a linear head on the first token's hidden state
/// (HF <c>DistilBertForSequenceClassification</c>, children <c>distilbert</c>, <c>pre_classifier</c>, <c>classifier</c>, <c>dropout</c>).
/// Not sealed: generated experiment models may derive from it.
/// </summary>
public class DistilBertForSequenceClassification : nn.Module<Tensor, Tensor, Tensor?, SequenceClassifierOutput>, IPretrainedModel<DistilBertConfig>
{
    private readonly DistilBertModel distilbert;
    private readonly TorchSharp.Modules.Linear preClassifier;
    private readonly TorchSharp.Modules.Linear classifier;
    private readonly ParallelDropout dropout;

    public DistilBertForSequenceClassification(DistilBertConfig config, int numLabels) : base(nameof(DistilBertForSequenceClassification))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(numLabels) with { Architectures = [nameof(DistilBertForSequenceClassification)] };
        NumLabels = numLabels;
        distilbert = new DistilBertModel(Config);
        preClassifier = nn.Linear(Config.Dim, Config.Dim);
        classifier = nn.Linear(Config.Dim, numLabels);
        dropout = new ParallelDropout(Config.SeqClassifDropout);
        register_module("distilbert", distilbert);
        register_module("pre_classifier", preClassifier);
        register_module("classifier", classifier);
        register_module("dropout", dropout);
        BertInit.Apply(preClassifier, Config.InitializerRange);
        BertInit.Apply(classifier, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "distilbert";

    /// <summary>The config as it belongs in this model's config.json: labels and architecture filled in.</summary>
    public DistilBertConfig Config { get; }

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
    /// <param name="labels">[batch]: int64 class ids, or float targets for regression / multi-label; null for no loss.</param>
    public override SequenceClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var first = distilbert.forward(inputIds, attentionMask).select(1, 0);
        var pooled = dropout.forward(nn.functional.relu(Autocast.Linear(preClassifier, first)));
        var logits = Autocast.Linear(classifier, pooled);
        var loss = labels is null ? null : SequenceClassificationLoss.Compute(logits, labels, NumLabels, Config.ProblemType);
        return new SequenceClassifierOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
