namespace ExperimentKit.Schema.Model;

/// <summary>
/// One entry of `metrics:`: a metric as `evaluate` names it, with the compute arguments it takes (scikit-learn's
/// average and pos_label for f1 / precision / recall; seqeval's mode and scheme).
/// </summary>
public sealed record MetricSpec
{
    public MetricKind Kind { get; init; }

    /// <summary>scikit-learn's `average`: binary (the positive label only), macro, micro or weighted.</summary>
    public Averaging Average { get; init; } = Averaging.Binary;

    /// <summary>The positive label id for binary averaging (evaluate's pos_label, default 1).</summary>
    public int PosLabel { get; init; } = 1;

    /// <summary>seqeval's mode: default (conlleval's lenient chunks) or strict (entities exactly as the scheme defines them).</summary>
    public SeqevalMode Mode { get; init; } = SeqevalMode.Default;

    /// <summary>seqeval's scheme for strict mode: the tagging of the data.</summary>
    public TagScheme Scheme { get; init; } = TagScheme.Iob2;

    public static MetricSpec Of(MetricKind kind) => new() { Kind = kind };
}

/// <summary>Metric names as `evaluate` spells them.</summary>
public enum MetricKind
{
    Accuracy,
    F1,
    Precision,
    Recall,
    MatthewsCorrelation,
    Pearson,
    Spearmanr,
    Mse,
    Seqeval,

    /// <summary>evaluate's squad: exact_match and f1 (0–100) with SQuAD v1.1's answer normalisation.</summary>
    Squad,

    /// <summary>run_mlm's perplexity: exp(eval_loss).</summary>
    Perplexity,
}

/// <summary>scikit-learn's `average` argument.</summary>
public enum Averaging
{
    Binary,
    Macro,
    Micro,
    Weighted,
}

/// <summary>seqeval's evaluation mode.</summary>
public enum SeqevalMode
{
    Default,
    Strict,
}

/// <summary>Entity tagging schemes seqeval knows (YAML: iob1, iob2, iobes).</summary>
public enum TagScheme
{
    Iob1,
    Iob2,
    Iobes,
}
