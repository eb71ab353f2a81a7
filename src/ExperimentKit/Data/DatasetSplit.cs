namespace ExperimentKit.Data;

/// <summary>The two splits a fine-tuning run reads.</summary>
public enum DatasetSplit
{
    Train,
    Validation,
}
