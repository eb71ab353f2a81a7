using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// BERT with dropout and a one-output linear layer on each choice's pooled output (HF <c>BertForMultipleChoice</c>,
/// children <c>bert</c>, <c>dropout</c>, <c>classifier</c>); padding choices never win (<see cref="MultipleChoice.Logits"/>).
/// Not sealed: generated experiment models derive from it.
/// </summary>
public class BertForMultipleChoice : nn.Module<Tensor, Tensor, Tensor?, Tensor?, MultipleChoiceModelOutput>, IPretrainedModel<BertConfig>
{
    private readonly BertModel bert;
    private readonly ParallelDropout dropout;
    private readonly TorchSharp.Modules.Linear classifier;

    public BertForMultipleChoice(BertConfig config) : base(nameof(BertForMultipleChoice))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config with { Architectures = [nameof(BertForMultipleChoice)] };
        bert = new BertModel(Config);
        dropout = new ParallelDropout(Config.ClassifierDropout ?? Config.HiddenDropoutProb);
        classifier = nn.Linear(Config.HiddenSize, 1);
        register_module("bert", bert);
        register_module("dropout", dropout);
        register_module("classifier", classifier);
        BertInit.Apply(classifier, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "bert";

    /// <summary>The config as it belongs in this model's config.json: architecture filled in.</summary>
    public BertConfig Config { get; }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, num_choices, seq] int64 token ids.</param>
    /// <param name="attentionMask">[batch, num_choices, seq], 1 for tokens, 0 for padding; a choice of all 0 is a padding choice.</param>
    /// <param name="tokenTypeIds">[batch, num_choices, seq] segment ids; null means all 0.</param>
    /// <param name="labels">[batch] int64: the index of the right choice; null for no loss.</param>
    public override MultipleChoiceModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var output = bert.forward(
            MultipleChoice.Flatten(inputIds),
            MultipleChoice.Flatten(attentionMask),
            tokenTypeIds is null ? null : MultipleChoice.Flatten(tokenTypeIds));
        var perChoice = Autocast.Linear(classifier, dropout.forward(output.PoolerOutput!));
        var logits = MultipleChoice.Logits(perChoice, attentionMask);
        var loss = labels is null ? null : MultipleChoice.Loss(logits, labels);
        return new MultipleChoiceModelOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
