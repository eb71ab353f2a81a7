using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Schema.Model;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// The files a finished run leaves beside metrics.jsonl: the final model as a Hugging Face folder
/// (model.safetensors, config.json, vocab.txt, tokenizer_config.json) and all_results.json.
/// </summary>
public static class RunArtifacts
{
    public static void Write(RunFolder folder, torch.nn.Module model, BertConfig config, TrainOutput output, IReadOnlyList<EpochSummary> epochs, TokenizerSpec tokenizer, string vocabularyFile)
    {
        ModelCheckpoint.SaveSafetensors(model, folder.File("model.safetensors"));
        AtomicFile.WriteAllText(folder.File("config.json"), config.ToJson());
        // Copy the bytes, not the file: the source may be read-only (shared data), the run's copy must not be.
        AtomicFile.Write(folder.File("vocab.txt"), temporary => File.WriteAllBytes(temporary, File.ReadAllBytes(vocabularyFile)));
        AtomicFile.WriteAllText(folder.File("tokenizer_config.json"), TokenizerConfig(tokenizer));

        var results = MetricsLog.ToJson(output);
        if (epochs.Count > 0)
        {
            foreach (var (key, value) in MetricsLog.ToJson(epochs[^1].Evaluation))
            {
                results[key] = value?.DeepClone();
            }
        }

        AtomicFile.WriteAllText(folder.File("all_results.json"), results.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    private static string TokenizerConfig(TokenizerSpec tokenizer) => new JsonObject
    {
        ["do_lower_case"] = tokenizer.DoLowerCase,
        ["strip_accents"] = tokenizer.StripAccents,
        ["model_max_length"] = tokenizer.MaxLength,
        ["tokenizer_class"] = "BertTokenizer",
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
