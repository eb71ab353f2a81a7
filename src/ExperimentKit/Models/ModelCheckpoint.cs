using static TorchSharp.torch;

namespace ExperimentKit.Models;

/// <summary>Module weights to and from safetensors under the module's own state-dict names (HF's, for the BERT modules).</summary>
public static class ModelCheckpoint
{
    private static readonly Dictionary<string, string> PyTorchFormat = new(StringComparer.Ordinal) { ["format"] = "pt" };

    /// <summary>Writes the state dict: parameters and persistent buffers, with <c>__metadata__ {"format": "pt"}</c> as transformers does.</summary>
    public static void SaveSafetensors(nn.Module model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var state = model.state_dict();
        SafeTensorsFile.Save(path, state.Select(kv => (kv.Key, kv.Value)), PyTorchFormat);
    }

    /// <summary>
    /// Copies every tensor whose name and shape match into the model (converting dtype as needed) and reports the rest.
    /// A shape mismatch is an error naming both shapes, and nothing is copied, unless
    /// <paramref name="ignoreMismatchedSizes"/> (HF's <c>ignore_mismatched_sizes</c>) is set: then those are skipped and reported.
    /// </summary>
    public static LoadReport LoadSafetensors(nn.Module model, string path, bool ignoreMismatchedSizes = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var reader = SafeTensorsFile.Open(path);
        var state = model.state_dict();
        var missing = state.Keys.Where(name => !reader.Entries.ContainsKey(name)).ToList();
        var unexpected = reader.Entries.Keys.Where(name => !state.ContainsKey(name)).ToList();
        var mismatches = new List<string>();
        var toCopy = new List<string>();
        foreach (var (name, target) in state)
        {
            if (!reader.Entries.TryGetValue(name, out var entry))
            {
                continue;
            }

            if (!entry.Shape.SequenceEqual(target.shape))
            {
                mismatches.Add($"{name}: checkpoint [{string.Join(", ", entry.Shape)}] vs model [{string.Join(", ", target.shape)}]");
            }
            else
            {
                toCopy.Add(name);
            }
        }

        if (mismatches.Count > 0 && !ignoreMismatchedSizes)
        {
            throw new InvalidDataException(
                $"{path}: {mismatches.Count} tensor(s) differ in shape from the model: {string.Join("; ", mismatches)}.");
        }

        using var noGrad = no_grad();
        foreach (var name in toCopy)
        {
            using var loaded = reader.ReadTensor(name);
            state[name].copy_(loaded);
        }

        return new LoadReport(missing, unexpected, mismatches);
    }
}
