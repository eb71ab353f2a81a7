using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>
/// The state-dict names that share one tensor, as transformers ties weights: BertForMaskedLM's
/// <c>cls.predictions.decoder.weight</c> is <c>bert.embeddings.word_embeddings.weight</c>, its
/// <c>cls.predictions.decoder.bias</c> is <c>cls.predictions.bias</c>. The owner of a shared tensor is the name
/// named_parameters() (or named_buffers()) lists it under, the first; the others are aliases.
/// </summary>
/// <remarks>
/// transformers' save_pretrained writes a shared tensor once, under the name it does not declare tied (the owner here),
/// and from_pretrained does not report a tied name missing when another name of its group was loaded. ModelCheckpoint
/// does both the same way, so our files and transformers' load into each other.
/// </remarks>
internal sealed class TiedWeights
{
    private readonly Dictionary<string, string> ownerOf;

    private TiedWeights(Dictionary<string, string> ownerOf) => this.ownerOf = ownerOf;

    public static TiedWeights Of(nn.Module model, Dictionary<string, Tensor> state)
    {
        // named_parameters() and named_buffers() list each tensor once, by handle, under the first name that reaches it;
        // state_dict() lists every name, as PyTorch's does.
        var owners = new Dictionary<IntPtr, string>();
        foreach (var (name, tensor) in model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(model.named_buffers()))
        {
            owners.TryAdd(tensor.Handle, name);
        }

        return new TiedWeights(state.ToDictionary(
            kv => kv.Key,
            kv => owners.TryGetValue(kv.Value.Handle, out var owner) ? owner : kv.Key,
            StringComparer.Ordinal));
    }

    /// <summary>A name that holds a tensor another name owns: left out of a saved file.</summary>
    public bool IsAlias(string name) => ownerOf[name] != name;

    /// <summary>Whether <paramref name="name"/>, or a name tied to it, is among a checkpoint's <paramref name="names"/>.</summary>
    public bool IsFilledBy(string name, IReadOnlySet<string> names)
    {
        var owner = ownerOf[name];
        return ownerOf.Any(kv => kv.Value == owner && names.Contains(kv.Key));
    }
}
