using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Self-attention plus its output block (HF <c>BertAttention</c>, children <c>self</c> and <c>output</c>).</summary>
public sealed class BertAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertSelfAttention selfAttention;
    private readonly BertSelfOutput output;

    public BertAttention(BertConfig config) : base(nameof(BertAttention))
    {
        selfAttention = new BertSelfAttention(config);
        output = new BertSelfOutput(config);
        // Registered by hand: the checkpoint key is "self", which a C# field cannot be called without '@'.
        register_module("self", selfAttention);
        register_module("output", output);
    }

    /// <summary>
    /// Off: children are registered by hand under their HF names (the checkpoint keys). TorchSharp's reflective
    /// registration would add them again under the C# field names ("layerNorm.weight" beside "LayerNorm.weight").
    /// </summary>
    protected override void RegisterComponents()
    {
    }

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        return output.forward(selfAttention.forward(hiddenStates, additiveMask), hiddenStates).MoveToOuterDisposeScope();
    }
}
