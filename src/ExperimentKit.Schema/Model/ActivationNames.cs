namespace ExperimentKit.Schema.Model;

/// <summary>The activations HF's ACT2FN offers that the runtime implements (Models/Modules/Activations.cs): hidden_act's and activation's choices.</summary>
public static class ActivationNames
{
    public static string[] All { get; } = ["gelu", "gelu_new", "gelu_pytorch_tanh", "relu", "silu", "swish"];
}
