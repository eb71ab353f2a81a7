using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.Models;
using ExperimentKit.Runs;
using ExperimentKit.Tokenization;
using ExperimentKit.Training;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// The files a finished run leaves beside metrics.jsonl: the final model as a Hugging Face folder
/// (model.safetensors, config.json, vocab.txt, tokenizer_config.json) and all_results.json.
/// </summary>
public static class RunArtifacts
{
    public static void Write(RunFolder folder, torch.nn.Module model, PretrainedConfig config, TrainOutput output, IReadOnlyList<EpochSummary> epochs, BertTokenizer tokenizer, int maxLength)
    {
        ModelCheckpoint.SaveSafetensors(model, folder.File("model.safetensors"));
        AtomicFile.WriteAllText(folder.File("config.json"), config.ToJson());
        AtomicFile.WriteAllText(folder.File("vocab.txt"), string.Join("\n", tokenizer.Vocabulary.Tokens) + "\n");
        AtomicFile.WriteAllText(folder.File("tokenizer_config.json"), TokenizerConfig(tokenizer, maxLength));

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

    private static string TokenizerConfig(BertTokenizer tokenizer, int maxLength) => new JsonObject
    {
        ["do_lower_case"] = tokenizer.Basic.DoLowerCase,
        ["strip_accents"] = tokenizer.Basic.StripAccents,
        ["model_max_length"] = maxLength,
        ["tokenizer_class"] = "BertTokenizer",
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
