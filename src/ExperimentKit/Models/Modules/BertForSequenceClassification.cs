using ExperimentKit.Torch;
using ExperimentKit.Schema.Model;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// BERT with dropout and a linear head on the pooled output (HF <c>BertForSequenceClassification</c>,
/// children <c>bert</c>, <c>dropout</c>, <c>classifier</c>). With <c>classifier_pooling: mean</c> the head reads the
/// mean of the last hidden states over real tokens instead of the pooler; the weights are the same.
/// Not sealed: generated experiment models derive from it.
/// </summary>
public class BertForSequenceClassification : nn.Module<Tensor, Tensor, Tensor?, Tensor?, SequenceClassifierOutput>, IPretrainedModel<BertConfig>
{
    private readonly BertModel bert;
    private readonly ParallelDropout dropout;
    private readonly TorchSharp.Modules.Linear classifier;

    public BertForSequenceClassification(BertConfig config, int numLabels) : base(nameof(BertForSequenceClassification))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(numLabels) with { Architectures = [nameof(BertForSequenceClassification)] };
        NumLabels = numLabels;
        bert = new BertModel(Config);
        dropout = new ParallelDropout(Config.ClassifierDropout ?? Config.HiddenDropoutProb);
        classifier = nn.Linear(Config.HiddenSize, numLabels);
        register_module("bert", bert);
        register_module("dropout", dropout);
        register_module("classifier", classifier);
        BertInit.Apply(classifier, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "bert";

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
        var output = bert.forward(inputIds, attentionMask, tokenTypeIds);
        var pooled = Config.ClassifierPooling == ClassifierPoolings.Mean
            ? MaskedMean.Of(output.LastHiddenState, attentionMask)
            : output.PoolerOutput!;
        var logits = Autocast.Linear(classifier, dropout.forward(pooled));
        var loss = labels is null ? null : SequenceClassificationLoss.Compute(logits, labels, NumLabels, Config.ProblemType);
        return new SequenceClassifierOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
