using TorchSharp;
using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>HF <c>ACT2FN</c>: the activation names BERT (<c>hidden_act</c>) and DistilBERT (<c>activation</c>) configs use.</summary>
internal static class Activations
{
    private static readonly string[] Known = ["gelu", "relu", "gelu_new", "gelu_pytorch_tanh", "silu", "swish"];

    public static Func<Tensor, Tensor> Get(string name) => name switch
    {
        // HF "gelu" is the exact erf form; the tanh form differs by up to ~1e-3.
        "gelu" => x => nn.functional.gelu(x),
        "relu" => x => nn.functional.relu(x),
        // HF's gelu_new spells out the tanh formula; LibTorch's tanh GELU is the same function up to float rounding.
        "gelu_new" or "gelu_pytorch_tanh" => x => nn.functional.gelu(x, TorchSharp.Modules.GELU.Approximate.tanh),
        "silu" or "swish" => x => nn.functional.silu(x),
        _ => throw Unknown(name, "activation"),
    };

    /// <param name="key">The config key that named it, for the message.</param>
    public static void ThrowIfUnknown(string name, string key)
    {
        if (!Known.Contains(name, StringComparer.Ordinal))
        {
            throw Unknown(name, key);
        }
    }

    private static ArgumentException Unknown(string name, string key) =>
        new($"{key} '{name}' is not supported; use one of: {string.Join(", ", Known)}.", nameof(name));
}
