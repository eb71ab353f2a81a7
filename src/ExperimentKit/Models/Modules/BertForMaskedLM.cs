using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// BERT without pooler and the masked-language-model head (HF <c>BertForMaskedLM</c>, children <c>bert</c>, <c>cls</c>),
/// whose decoder is tied to the word embeddings. Not sealed: generated experiment models derive from it.
/// </summary>
public class BertForMaskedLM : nn.Module<Tensor, Tensor, Tensor?, Tensor?, MaskedLMOutput>, IPretrainedModel<BertConfig>
{
    private readonly BertModel bert;
    private readonly BertOnlyMLMHead cls;

    public BertForMaskedLM(BertConfig config) : base(nameof(BertForMaskedLM))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config with { Architectures = [nameof(BertForMaskedLM)] };
        bert = new BertModel(Config, addPoolingLayer: false);
        cls = new BertOnlyMLMHead(Config, bert.InputEmbeddingWeight);
        register_module("bert", bert);
        register_module("cls", cls);
    }

    public static string BaseModelPrefix => "bert";

    /// <summary>The config as it belongs in this model's config.json: architecture filled in.</summary>
    public BertConfig Config { get; }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    /// <param name="inputIds">[batch, seq] int64 token ids, some of them [MASK].</param>
    /// <param name="attentionMask">[batch, seq], 1 for tokens, 0 for padding.</param>
    /// <param name="tokenTypeIds">[batch, seq] segment ids; null means all 0.</param>
    /// <param name="labels">[batch, seq] int64 token ids to predict, -100 where no loss is computed; null for no loss.</param>
    public override MaskedLMOutput forward(Tensor inputIds, Tensor attentionMask, Tensor? tokenTypeIds, Tensor? labels)
    {
        using var scope = NewDisposeScope();
        var output = bert.forward(inputIds, attentionMask, tokenTypeIds);
        var logits = cls.forward(output.LastHiddenState);
        // HF's masked-LM loss is the token-classification loss over the vocabulary: cross-entropy, -100 ignored.
        var loss = labels is null ? null : TokenClassificationLoss.Compute(logits, labels, Config.VocabSize);
        return new MaskedLMOutput(loss?.MoveToOuterDisposeScope(), logits.MoveToOuterDisposeScope());
    }
}
