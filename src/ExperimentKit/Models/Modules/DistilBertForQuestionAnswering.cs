using ExperimentKit.Torch;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// DistilBERT, dropout (qa_dropout) and a linear layer giving every token a start and an end logit (HF
/// <c>DistilBertForQuestionAnswering</c>, children <c>distilbert</c>, <c>qa_outputs</c>, <c>dropout</c>). Not sealed:
/// generated experiment models derive from it.
/// </summary>
public class DistilBertForQuestionAnswering : nn.Module<Tensor, Tensor, Tensor?, QuestionAnsweringModelOutput>, IPretrainedModel<DistilBertConfig>
{
    private readonly DistilBertModel distilbert;
    private readonly TorchSharp.Modules.Linear qaOutputs;
    private readonly ParallelDropout dropout;

    /// <remarks>num_labels is 2 (start, end); transformers refuses any other number for this head, and so does this.</remarks>
    public DistilBertForQuestionAnswering(DistilBertConfig config) : base(nameof(DistilBertForQuestionAnswering))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.WithNumLabels(2) with { Architectures = [nameof(DistilBertForQuestionAnswering)] };
        distilbert = new DistilBertModel(Config);
        qaOutputs = nn.Linear(Config.Dim, 2);
        dropout = new ParallelDropout(Config.QaDropout);
        register_module("distilbert", distilbert);
        register_module("qa_outputs", qaOutputs);
        register_module("dropout", dropout);
        BertInit.Apply(qaOutputs, Config.InitializerRange);
    }

    public static string BaseModelPrefix => "distilbert";

    /// <summary>The config as it belongs in this model's config.json: two labels and the architecture filled in.</summary>
    public DistilBertConfig Config { get; }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids (question and context).</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <param name="labels">[batch, 2] int64 (start_position, end_position); null for no loss.</param>
    public override QuestionAnsweringModelOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var hidden = distilbert.forward(inputIds, attentionMask);
        var logits = Autocast.Linear(qaOutputs, dropout.forward(hidden));
        var loss = labels is null ? null : QuestionAnsweringLoss.Compute(logits, labels);
        return new QuestionAnsweringModelOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
