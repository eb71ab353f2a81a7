using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// BERT without pooler, dropout and a linear layer on every token's hidden state (HF <c>BertForTokenClassification</c>,
/// children <c>bert</c>, <c>dropout</c>, <c>classifier</c>). Not sealed: generated experiment models derive from it.
/// </summary>
public class BertForTokenClassification : nn.Module<Tensor, Tensor, Tensor?, Tensor?, TokenClassifierOutput>, IPretrainedModel<BertConfig>
{
    private readonly BertModel bert;
    private readonly ParallelDropout dropout;
    private readonly TorchSharp.Modules.Linear classifier;

    public BertForTokenClassification(BertConfig config, int numLabels) : base(nameof(BertForTokenClassification))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(numLabels) with { Architectures = [nameof(BertForTokenClassification)] };
        NumLabels = numLabels;
        bert = new BertModel(Config, addPoolingLayer: false);
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

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <param name="tokenTypeIds">[batch, seq] segment ids; null means all 0.</param>
    /// <param name="labels">[batch, seq] int64 label ids, -100 where no loss is computed; null for no loss.</param>
    public override TokenClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var output = bert.forward(inputIds, attentionMask, tokenTypeIds);
        var logits = Autocast.Linear(classifier, dropout.forward(output.LastHiddenState));
        var loss = labels is null ? null : TokenClassificationLoss.Compute(logits, labels, NumLabels);
        return new TokenClassifierOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
