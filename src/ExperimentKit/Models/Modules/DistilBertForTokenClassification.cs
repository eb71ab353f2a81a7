using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// DistilBERT, dropout and a linear layer on every token's hidden state (HF <c>DistilBertForTokenClassification</c>,
/// children <c>distilbert</c>, <c>dropout</c>, <c>classifier</c>). Not sealed: generated experiment models derive from it.
/// </summary>
public class DistilBertForTokenClassification : nn.Module<Tensor, Tensor, Tensor?, TokenClassifierOutput>, IPretrainedModel<DistilBertConfig>
{
    private readonly DistilBertModel distilbert;
    private readonly ParallelDropout dropout;
    private readonly TorchSharp.Modules.Linear classifier;

    public DistilBertForTokenClassification(DistilBertConfig config, int numLabels) : base(nameof(DistilBertForTokenClassification))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(numLabels) with { Architectures = [nameof(DistilBertForTokenClassification)] };
        NumLabels = numLabels;
        distilbert = new DistilBertModel(Config);
        dropout = new ParallelDropout(Config.Dropout);
        classifier = nn.Linear(Config.Dim, numLabels);
        register_module("distilbert", distilbert);
        register_module("dropout", dropout);
        register_module("classifier", classifier);
        BertInit.Apply(classifier, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "distilbert";

    /// <summary>The config as it belongs in this model's config.json: labels and architecture filled in.</summary>
    public DistilBertConfig Config { get; }

    public int NumLabels { get; }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <param name="labels">[batch, seq] int64 label ids, -100 where no loss is computed; null for no loss.</param>
    public override TokenClassifierOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var hidden = distilbert.forward(inputIds, attentionMask);
        var logits = Autocast.Linear(classifier, dropout.forward(hidden));
        var loss = labels is null ? null : TokenClassificationLoss.Compute(logits, labels, NumLabels);
        return new TokenClassifierOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
