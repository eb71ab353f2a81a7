using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// BERT without pooler and a linear layer giving every token a start and an end logit (HF
/// <c>BertForQuestionAnswering</c>, children <c>bert</c>, <c>qa_outputs</c>; no dropout, as there). Not sealed: generated
/// experiment models derive from it.
/// </summary>
public class BertForQuestionAnswering : nn.Module<Tensor, Tensor, Tensor?, Tensor?, QuestionAnsweringModelOutput>, IPretrainedModel<BertConfig>
{
    private readonly BertModel bert;
    private readonly TorchSharp.Modules.Linear qaOutputs;

    /// <remarks>num_labels is 2 (start, end), as transformers' QA configs say; a config naming other labels is refused.</remarks>
    public BertForQuestionAnswering(BertConfig config) : base(nameof(BertForQuestionAnswering))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(2) with { Architectures = [nameof(BertForQuestionAnswering)] };
        bert = new BertModel(Config, addPoolingLayer: false);
        qaOutputs = nn.Linear(Config.HiddenSize, 2);
        register_module("bert", bert);
        register_module("qa_outputs", qaOutputs);
        BertInit.Apply(qaOutputs, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "bert";

    /// <summary>The config as it belongs in this model's config.json: two labels and the architecture filled in.</summary>
    public BertConfig Config { get; }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids (question and context).</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <param name="tokenTypeIds">[batch, seq] segment ids; null means all 0.</param>
    /// <param name="labels">[batch, 2] int64 (start_position, end_position); null for no loss.</param>
    public override QuestionAnsweringModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var output = bert.forward(inputIds, attentionMask, tokenTypeIds);
        var logits = Autocast.Linear(qaOutputs, output.LastHiddenState);
        var loss = labels is null ? null : QuestionAnsweringLoss.Compute(logits, labels);
        return new QuestionAnsweringModelOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
