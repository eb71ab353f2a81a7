using ExperimentKit.Models;

namespace ExperimentKit.Benchmarks.Training;

/// <summary>An encoder shape to time, with random weights (the FLOPs and the time depend on the shape alone).</summary>
internal sealed record ModelShape(string Name, int Layers, int Hidden, int Heads, int Intermediate, bool Dropout = true)
{
    public static readonly ModelShape MiniLm = new("all-MiniLM-L6-v2", 6, 384, 12, 1536);

    public static readonly ModelShape BertBase = new("bert-base", 12, 768, 12, 3072);

    public static ModelShape Parse(string name) => name switch
    {
        "minilm" => MiniLm,
        "bert-base" => BertBase,
        _ => throw new ArgumentException($"unknown shape '{name}': use minilm or bert-base", nameof(name)),
    };

    /// <summary>The shape with dropout off (`--no-dropout`): what the dropout masks' random numbers and multiplications cost.</summary>
    public ModelShape WithoutDropout() => this with { Name = Name + " without dropout", Dropout = false };

    /// <summary>bert-base-uncased's vocabulary and positions, which both checkpoints share; BertConfig's dropouts unless off.</summary>
    public BertConfig Config()
    {
        var config = new BertConfig
        {
            VocabSize = 30522,
            HiddenSize = Hidden,
            NumHiddenLayers = Layers,
            NumAttentionHeads = Heads,
            IntermediateSize = Intermediate,
        };
        return Dropout ? config : config with { HiddenDropoutProb = 0, AttentionProbsDropoutProb = 0 };
    }
}
