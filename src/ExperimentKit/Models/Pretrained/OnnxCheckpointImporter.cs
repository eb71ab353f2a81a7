using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ExperimentKit.Models.Onnx;
using static TorchSharp.torch;

namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// Turns a packaged ONNX BERT into a Hugging Face checkpoint folder in the hub cache — config.json,
/// model.safetensors (BertModel names), vocab.txt, tokenizer_config.json and the sentence-transformers files
/// (modules.json, 1_Pooling/config.json, sentence_bert_config.json) — reading the package's bytes without loading its
/// code. The snapshot's "commit" is the first 40 hex digits of the SHA-256 of the ONNX file and the import's
/// <see cref="Layout"/>, so the same bytes always land in the same place, and an import that writes more files lands
/// beside an older one instead of being mistaken for it.
/// </summary>
public static class OnnxCheckpointImporter
{
    /// <summary>Raised when the import writes other files: 2 added the sentence-transformers files.</summary>
    private const string Layout = "experimentkit-import-2";

    /// <summary>Whether a snapshot holds everything this import writes (an older import's lacks the sentence-transformers files).</summary>
    public static bool IsComplete(string snapshot) => File.Exists(Path.Combine(snapshot, SentenceTransformerFiles.ModulesFile));

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
        var commit = Convert.ToHexStringLower(SHA256.HashData([.. onnx, .. System.Text.Encoding.UTF8.GetBytes(Layout)]))[..40];
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
            SentenceTransformerFiles.Write(folder, model.Pooling, model.Config.HiddenSize);
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
