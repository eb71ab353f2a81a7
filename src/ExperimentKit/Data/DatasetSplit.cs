namespace ExperimentKit.Data;

/// <summary>The splits a run reads (train, validation) and the labelled held-out split `predict` may read.</summary>
public enum DatasetSplit
{
    Train,
    Validation,
    Test,
}
