using System.Text.Json.Nodes;
using ExperimentKit.Models;

namespace ExperimentKit.Tests.Models.Transformers;

/// <summary>
/// Compares a saved model folder with what transformers' from_pretrained of its architecture expects: the state-dict
/// table (<see cref="TransformersStateDicts"/>) less the tied duplicates save_pretrained drops, every tensor float32, and
/// config.json's keys (<see cref="TransformersConfigKeys"/>) and label maps. An empty list means it loads cleanly.
/// </summary>
internal static class TransformersLayout
{
    public static IReadOnlyList<string> Differences(string folder)
    {
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "config.json")))!.AsObject();
        var modelType = (string)config["model_type"]!;
        var architecture = (string)config["architectures"]![0]!;
        using var reader = SafeTensorsFile.Open(Path.Combine(folder, "model.safetensors"));
        var tensors = reader.Entries.Values.Select(e => (e.Name, e.DType, Shape: e.Shape.ToArray())).ToList();
        return [.. ConfigDifferences(config, modelType, architecture), .. WeightDifferences(TransformersStateDicts.Expand(architecture, Sizes(config)), tensors)];
    }

    /// <summary>Missing, extra, wrongly shaped and non-float32 tensors against the expected state dict.</summary>
    public static IEnumerable<string> WeightDifferences(IReadOnlyList<(string Name, long[] Shape, bool Tied)> stateDict, IReadOnlyList<(string Name, string DType, long[] Shape)> saved)
    {
        var expected = stateDict.Where(e => !e.Tied).ToDictionary(e => e.Name, e => e.Shape, StringComparer.Ordinal);
        var actual = saved.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var name in expected.Keys.Where(n => !actual.ContainsKey(n)))
        {
            yield return $"missing tensor {name}";
        }

        foreach (var name in actual.Keys.Where(n => !expected.ContainsKey(n)))
        {
            yield return stateDict.Any(e => e.Tied && e.Name == name)
                ? $"tied duplicate {name} saved (save_pretrained keeps only its owner)"
                : $"unexpected tensor {name}";
        }

        foreach (var (name, tensor) in actual.Where(t => expected.ContainsKey(t.Key)))
        {
            if (!tensor.Shape.SequenceEqual(expected[name]))
            {
                yield return $"{name} has shape [{string.Join(", ", tensor.Shape)}], transformers expects [{string.Join(", ", expected[name])}]";
            }

            if (tensor.DType != "F32")
            {
                yield return $"{name} is {tensor.DType}, transformers saves a float32 model as F32";
            }
        }
    }

    private static IEnumerable<string> ConfigDifferences(JsonObject config, string modelType, string architecture)
    {
        var required = TransformersConfigKeys.Required(modelType, architecture);
        foreach (var key in required.Where(k => !config.ContainsKey(k)))
        {
            yield return $"config.json lacks {key}";
        }

        foreach (var key in config.Select(p => p.Key).Where(k => !required.Contains(k) && !TransformersConfigKeys.ExperimentKitKeys.Contains(k)))
        {
            yield return $"config.json has {key}, which {architecture} does not write";
        }

        if (config["architectures"]!.AsArray().Count != 1 || (string?)config["torch_dtype"] != "float32" || string.IsNullOrEmpty((string?)config["transformers_version"]))
        {
            yield return "config.json's architectures, torch_dtype or transformers_version is not what save_pretrained writes";
        }

        if (config["id2label"] is JsonObject id2label)
        {
            var label2id = config["label2id"]!.AsObject();
            var ids = id2label.Select(p => p.Key).Order(StringComparer.Ordinal);
            if (!ids.SequenceEqual(Enumerable.Range(0, id2label.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal))
                || id2label.Any(p => (int?)label2id[(string)p.Value!] != int.Parse(p.Key, System.Globalization.CultureInfo.InvariantCulture)))
            {
                yield return "id2label is not ids 0..n-1 with label2id its inverse";
            }
        }

        if (config["problem_type"] is { } problem && (string?)problem is not ("regression" or "single_label_classification" or "multi_label_classification"))
        {
            yield return $"problem_type '{problem}' is none of transformers' three";
        }
    }

    /// <summary>The sizes the shapes are formulas of, as transformers reads them (num_labels: id2label's size, 2 without one).</summary>
    private static ConfigSizes Sizes(JsonObject c)
    {
        long Int(string bert, string distilBert) => (long)(c[bert] ?? c[distilBert])!;
        var labels = c["id2label"] is JsonObject id2label ? id2label.Count : 2;
        var tokenTypes = c["type_vocab_size"] is { } types ? (long)types : 0;
        return new ConfigSizes(
            Int("vocab_size", "vocab_size"),
            Int("hidden_size", "dim"),
            Int("intermediate_size", "hidden_dim"),
            Int("max_position_embeddings", "max_position_embeddings"),
            tokenTypes,
            (int)Int("num_hidden_layers", "n_layers"),
            labels);
    }
}
