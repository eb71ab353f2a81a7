namespace ExperimentKit.Models;

/// <summary>A BERT config.json read as one; its keys are <see cref="PretrainedConfig"/>'s to read and write, as BertKeys declares them.</summary>
public sealed partial record BertConfig
{
    public static new BertConfig Load(string path) => FromJson(ReadFile(path), path);

    /// <param name="source">Names the file in error messages.</param>
    public static new BertConfig FromJson(string json, string source = "config.json") =>
        (BertConfig)new BertConfig().WithKeysFrom(ConfigReader.Parse(json, source));
}
