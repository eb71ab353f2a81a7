using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Module weights to and from safetensors under the module's own state-dict names (HF's, for the BERT modules).</summary>
public static class ModelCheckpoint
{
    private static readonly Dictionary<string, string> PyTorchFormat = new(StringComparer.Ordinal) { ["format"] = "pt" };

    /// <summary>
    /// Writes the state dict: parameters and persistent buffers, with <c>__metadata__ {"format": "pt"}</c> as transformers
    /// does. A tied tensor is written once, under its owner's name, as save_pretrained writes it (see <see cref="TiedWeights"/>).
    /// </summary>
    public static void SaveSafetensors(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var state = model.state_dict();
        var ties = TiedWeights.Of(model, state);
        SafeTensorsFile.Save(path, state.Where(kv => !ties.IsAlias(kv.Key)).Select(kv => (kv.Key, kv.Value)), PyTorchFormat);
    }

    /// <summary>
    /// Copies every tensor whose name and shape match into the model (converting dtype as needed) and reports the rest;
    /// a tied name the file lacks is not missing when a name tied to it was loaded.
    /// A shape mismatch is an error naming both shapes, and nothing is copied, unless
    /// <paramref name="ignoreMismatchedSizes"/> (HF's <c>ignore_mismatched_sizes</c>) is set: then those are skipped and reported.
    /// </summary>
    public static LoadReport LoadSafetensors(nn.Module model, string path, bool ignoreMismatchedSizes = false)
    {
        using var checkpoint = CheckpointTensors.OpenFile(path);
        return Load(model, checkpoint, name => name, ignoreMismatchedSizes);
    }

    /// <summary>
    /// <see cref="LoadSafetensors"/> over any checkpoint, with <paramref name="toModelName"/> mapping each checkpoint name to
    /// the model's (from_pretrained adds or strips the base-model prefix this way). Reports use the model's names.
    /// </summary>
    public static LoadReport Load(nn.Module model, CheckpointTensors checkpoint, Func<string, string> toModelName, bool ignoreMismatchedSizes = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var state = model.state_dict();
        var fromCheckpoint = checkpoint.Names.ToDictionary(toModelName, name => name, StringComparer.Ordinal);
        var inCheckpoint = fromCheckpoint.Keys.Where(state.ContainsKey).ToHashSet(StringComparer.Ordinal);
        var ties = TiedWeights.Of(model, state);
        var missing = state.Keys.Where(name => !ties.IsFilledBy(name, inCheckpoint)).ToList();
        var unexpected = fromCheckpoint.Keys.Where(name => !state.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var mismatches = new List<string>();
        var toCopy = new List<string>();
        foreach (var (name, target) in state)
        {
            if (!fromCheckpoint.TryGetValue(name, out var checkpointName))
            {
                continue;
            }

            var shape = checkpoint.Shape(checkpointName);
            if (!shape.SequenceEqual(target.shape))
            {
                mismatches.Add($"{name}: checkpoint [{string.Join(", ", shape)}] vs model [{string.Join(", ", target.shape)}]");
            }
            else
            {
                toCopy.Add(name);
            }
        }

        if (mismatches.Count > 0 && !ignoreMismatchedSizes)
        {
            throw new InvalidDataException(
                $"{checkpoint.Source}: {mismatches.Count} tensor(s) differ in shape from the model: {string.Join("; ", mismatches)}.");
        }

        using var noGrad = no_grad();
        foreach (var name in toCopy)
        {
            using var loaded = checkpoint.Read(fromCheckpoint[name]);
            state[name].copy_(loaded);
        }

        return new LoadReport(missing, unexpected, mismatches);
    }
}
