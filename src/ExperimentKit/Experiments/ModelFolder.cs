using System.Text.Json;
using System.Text.Json.Nodes;
using ExperimentKit.IO;
using ExperimentKit.Models;
using ExperimentKit.Tokenization;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// A model as a Hugging Face folder that from_pretrained loads: model.safetensors, config.json, vocab.txt and
/// tokenizer_config.json. The run folder and each checkpoint hold one.
/// </summary>
public sealed record ModelFolder(PretrainedConfig Config, BertTokenizer Tokenizer, int MaxLength)
{
    public void Write(string folder, torch.nn.Module model)
    {
        ModelCheckpoint.SaveSafetensors(model, Path.Combine(folder, "model.safetensors"));
        AtomicFile.WriteAllText(Path.Combine(folder, "config.json"), Config.ToJson());
        AtomicFile.WriteAllText(Path.Combine(folder, "vocab.txt"), string.Join("\n", Tokenizer.Vocabulary.Tokens) + "\n");
        AtomicFile.WriteAllText(Path.Combine(folder, "tokenizer_config.json"), TokenizerConfig());
    }

    private string TokenizerConfig() => new JsonObject
    {
        ["do_lower_case"] = Tokenizer.Basic.DoLowerCase,
        ["strip_accents"] = Tokenizer.Basic.StripAccents,
        ["model_max_length"] = MaxLength,
        ["tokenizer_class"] = "BertTokenizer",
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
