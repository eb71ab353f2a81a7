namespace ExperimentKit.Schema.Model;

/// <summary>
/// The `model:` section: the Hugging Face config keys of one architecture (<see cref="BertSpec"/>,
/// <see cref="DistilBertSpec"/>, chosen by <c>model_type</c>) and their defaults, or a pretrained checkpoint to start
/// from (then the architecture comes from its config.json; keys written here must agree with it).
/// </summary>
public abstract record ModelSpec
{
    /// <summary>from_pretrained's argument: a local model folder or a hub id found in the HF cache (never downloaded).</summary>
    public string? PretrainedModelNameOrPath { get; init; }

    /// <summary>The hub cache ref or commit to use for a hub id.</summary>
    public string Revision { get; init; } = "main";

    /// <summary>HF <c>model_type</c>: which architecture, and so which keys the section takes. Fixed by the record type.</summary>
    public abstract string ModelType { get; }

    // Keys every architecture has. Each overrides them in its HF config's order; its key table gives its own defaults, as HF's config classes do.
    public abstract int VocabSize { get; init; }
    public abstract int MaxPositionEmbeddings { get; init; }
    public abstract double InitializerRange { get; init; }
    public abstract int PadTokenId { get; init; }

    /// <summary>Whether the model takes token_type_ids (segment A / B embeddings); a method, so it is no YAML key.</summary>
    public abstract bool TakesTokenTypeIds();
}
