using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// DistilBERT with pre_classifier, ReLU, dropout and a one-output linear layer on each choice's first token (HF
/// <c>DistilBertForMultipleChoice</c>, children <c>distilbert</c>, <c>pre_classifier</c>, <c>classifier</c>,
/// <c>dropout</c>); padding choices never win (<see cref="MultipleChoice.Logits"/>). Not sealed: generated experiment
/// models derive from it.
/// </summary>
public class DistilBertForMultipleChoice : nn.Module<Tensor, Tensor, Tensor?, MultipleChoiceModelOutput>, IPretrainedModel<DistilBertConfig>
{
    private readonly DistilBertModel distilbert;
    private readonly TorchSharp.Modules.Linear preClassifier;
    private readonly TorchSharp.Modules.Linear classifier;
    private readonly ParallelDropout dropout;

    public DistilBertForMultipleChoice(DistilBertConfig config) : base(nameof(DistilBertForMultipleChoice))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config with { Architectures = [nameof(DistilBertForMultipleChoice)] };
        distilbert = new DistilBertModel(Config);
        preClassifier = nn.Linear(Config.Dim, Config.Dim);
        classifier = nn.Linear(Config.Dim, 1);
        dropout = new ParallelDropout(Config.SeqClassifDropout);
        register_module("distilbert", distilbert);
        register_module("pre_classifier", preClassifier);
        register_module("classifier", classifier);
        register_module("dropout", dropout);
        BertInit.Apply(preClassifier, Config.InitializerRange);
        BertInit.Apply(classifier, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "distilbert";

    /// <summary>The config as it belongs in this model's config.json: architecture filled in.</summary>
    public DistilBertConfig Config { get; }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, num_choices, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, num_choices, seq], 1 for tokens, 0 for padding; a choice of all 0 is a padding choice.</param>
    /// <param name="labels">[batch] int64: the index of the right choice; null for no loss.</param>
    public override MultipleChoiceModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var hidden = distilbert.forward(MultipleChoice.Flatten(inputIds), MultipleChoice.Flatten(attentionMask));
        var first = hidden.select(1, 0);
        var pooled = dropout.forward(nn.functional.relu(Autocast.Linear(preClassifier, first)));
        var logits = MultipleChoice.Logits(Autocast.Linear(classifier, pooled), attentionMask);
        var loss = labels is null ? null : MultipleChoice.Loss(logits, labels);
        return new MultipleChoiceModelOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
