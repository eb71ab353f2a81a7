namespace ExperimentKit.Models;

/// <summary>A DistilBERT config.json read as one; its keys are <see cref="PretrainedConfig"/>'s to read and write, as DistilBertKeys declares them.</summary>
public sealed partial record DistilBertConfig
{
    public static new DistilBertConfig Load(string path) => FromJson(ReadFile(path), path);

    /// <param name="source">Names the file in error messages.</param>
    public static new DistilBertConfig FromJson(string json, string source = "config.json") =>
        (DistilBertConfig)new DistilBertConfig().WithKeysFrom(ConfigReader.Parse(json, source));
}
