using TorchSharp.Modules;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>BertPreTrainedModel._init_weights</c> (DistilBERT's is the same) applied to every submodule.</summary>
internal static class BertInit
{
    /// <remarks>Draws from the global generator in module order, so <c>torch.manual_seed</c> fixes the result.</remarks>
    public static void Apply(nn.Module root, double initializerRange)
    {
        using var noGrad = no_grad();
        // named_modules() lists descendants only; the root may itself be a Linear (a classifier head).
        foreach (var module in root.named_modules().Select(m => m.module).Prepend(root))
        {
            switch (module)
            {
                case Linear linear:
                    nn.init.normal_(linear.weight!, mean: 0.0, std: initializerRange);
                    if (linear.bias is { } bias)
                    {
                        nn.init.zeros_(bias);
                    }

                    break;
                case Embedding embedding:
                    nn.init.normal_(embedding.weight!, mean: 0.0, std: initializerRange);
                    break;
                case LayerNorm layerNorm:
                    nn.init.ones_(layerNorm.weight!);
                    nn.init.zeros_(layerNorm.bias!);
                    break;
            }
        }

        // HF zeroes an Embedding's padding_idx row after the draw. TorchSharp's Embedding does not expose
        // padding_idx, so the module that knows it does it, once every draw is done.
        foreach (var (_, module) in root.named_modules())
        {
            if (module is IHasPaddingRow embeddings)
            {
                embeddings.ZeroPaddingRow();
            }
        }
    }
}
