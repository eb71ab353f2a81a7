using ExperimentKit.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// The transform, then a projection onto the vocabulary whose weight is the word-embedding table and whose bias is
/// this module's <c>bias</c> (HF <c>BertLMPredictionHead</c>, children <c>transform</c>, <c>decoder</c>, parameter <c>bias</c>).
/// </summary>
/// <remarks>
/// As in transformers, <c>decoder.weight</c> and <c>decoder.bias</c> are the same parameter objects as the word
/// embeddings and <c>bias</c>: state_dict() lists them under both names, parameters() once, and a checkpoint holds
/// them once (<see cref="TiedWeights"/>).
/// </remarks>
public sealed class BertLMPredictionHead : nn.Module<Tensor, Tensor>
{
    private readonly BertPredictionHeadTransform transform;
    private readonly Linear decoder;
    private readonly Parameter bias;

    /// <param name="wordEmbeddings">The encoder's registered word-embedding parameter, [vocab_size, hidden_size].</param>
    public BertLMPredictionHead(BertConfig config, Parameter wordEmbeddings) : base(nameof(BertLMPredictionHead))
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(wordEmbeddings);
        transform = new BertPredictionHeadTransform(config);
        BertInit.Apply(transform, config.InitializerRange);

        // HF _init_weights zeroes the bias; the decoder gets no draw of its own, since its weight is the embeddings'.
        bias = new Parameter(zeros(config.VocabSize));
        decoder = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false);
        decoder.weight = wordEmbeddings;
        decoder.bias = bias;
        register_parameter("bias", bias);
        register_module("transform", transform);
        register_module("decoder", decoder);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    /// <returns>[batch, seq, vocab_size] prediction scores.</returns>
    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return Autocast.Linear(decoder, transform.forward(hiddenStates)).MoveToOuterDisposeScope();
    }
}
