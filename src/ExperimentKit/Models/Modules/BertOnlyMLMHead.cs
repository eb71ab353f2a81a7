using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>The masked-language-model head BertForMaskedLM holds as <c>cls</c> (HF <c>BertOnlyMLMHead</c>, child <c>predictions</c>).</summary>
public sealed class BertOnlyMLMHead : nn.Module<Tensor, Tensor>
{
    private readonly BertLMPredictionHead predictions;

    /// <param name="wordEmbeddings">The encoder's registered word-embedding parameter, which the decoder shares.</param>
    public BertOnlyMLMHead(BertConfig config, Parameter wordEmbeddings) : base(nameof(BertOnlyMLMHead))
    {
        predictions = new BertLMPredictionHead(config, wordEmbeddings);
        register_module("predictions", predictions);
    }

    /// <summary>Off: children are registered by hand under their HF names (the checkpoint keys).</summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor sequenceOutput) => predictions.forward(sequenceOutput);
}
