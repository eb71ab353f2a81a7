using ExperimentKit.Schema.Model;

namespace ExperimentKit.Schema.Validation;

/// <summary>The options of the question-answering and masked-LM heads, against the tokenizer and the model.</summary>
internal sealed partial class SpecValidator
{
    private void ValidateHeadOptions()
    {
        switch (spec.Task)
        {
            case QuestionAnsweringTaskSpec qa:
                // A negative stride is out of its declared range already.
                Check(
                    qa.DocStride < 0 || qa.DocStride < spec.Tokenizer.MaxLength / 2,
                    SchemaRules.OutOfRange,
                    "task.doc_stride",
                    $"'doc_stride' must be at least 0 and under half of tokenizer.max_length ({Text(spec.Tokenizer.MaxLength)}), so each window moves on past the question; got {Text(qa.DocStride)}");
                break;
            case MaskedLmTaskSpec mlm:
                Check(
                    mlm.BlockSize is not { } block || block <= spec.Model.MaxPositionEmbeddings,
                    SchemaRules.OutOfRange,
                    "task.block_size",
                    $"'block_size' ({Text(mlm.BlockSize ?? 0)}) is longer than the model's max_position_embeddings ({Text(spec.Model.MaxPositionEmbeddings)}); lower block_size or raise max_position_embeddings");
                break;
        }
    }
}
