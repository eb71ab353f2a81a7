namespace ExperimentKit.Data;

/// <summary>A task's data collator: a list of encoded examples becomes one batch of tensors.</summary>
public interface IDataCollator
{
    CollatedBatch Collate(IReadOnlyList<EncodedExample> examples, BatchPosition position);
}
