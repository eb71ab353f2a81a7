using ExperimentKit.IO;
using ExperimentKit.Models;
using ExperimentKit.Models.Pretrained;
using ExperimentKit.Tokenization;
using TorchSharp;

namespace ExperimentKit.Experiments;

/// <summary>
/// A model as a Hugging Face folder that from_pretrained (AutoModelFor… and AutoTokenizer) loads: model.safetensors,
/// config.json and the tokenizer's files (<see cref="TokenizerFolder"/>). The run folder and each checkpoint hold one.
/// </summary>
public sealed record ModelFolder(PretrainedConfig Config, BertTokenizer Tokenizer, int MaxLength)
{
    public void Write(string folder, torch.nn.Module model)
    {
        ModelCheckpoint.SaveSafetensors(model, Path.Combine(folder, PretrainedFolder.SafetensorsFile));
        AtomicFile.WriteAllText(Path.Combine(folder, PretrainedFolder.ConfigFile), Config.ToJson());
        TokenizerFolder.Write(folder, Tokenizer, MaxLength);
    }
}
